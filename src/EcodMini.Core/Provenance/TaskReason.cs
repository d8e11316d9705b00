namespace EcodMini.Core.Provenance;

/// <summary>Why a scan queued a chain.</summary>
public enum TaskReason
{
    /// <summary>Never run: no tracker record and no output.</summary>
    New,
    /// <summary>A completed run read other inputs: the domain summary, the chain BLAST file or the reference data changed.</summary>
    InputChanged,
    /// <summary>A completed run used another algorithm version.</summary>
    VersionChanged,
    /// <summary>A completed run used other partitioning options.</summary>
    OptionsChanged,
    /// <summary>The last attempt failed (queued with -IncludeFailed).</summary>
    Failed,
    /// <summary>
    /// Run again with nothing changed: timed out, cancelled or interrupted before, its output is missing, or
    /// -SkipExisting is off.
    /// </summary>
    Retry,
}
