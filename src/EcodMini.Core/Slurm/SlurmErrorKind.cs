namespace EcodMini.Core.Slurm;

/// <summary>How a failed SLURM command should be handled.</summary>
public enum SlurmErrorKind
{
    /// <summary>A real refusal (bad partition, invalid job id, ...): report, never retry.</summary>
    Permanent,
    /// <summary>The controller was busy or unreachable for a moment: retry with backoff.</summary>
    Transient,
    /// <summary>sacct cannot answer (accounting disabled or slurmdbd down): use squeue + scontrol instead.</summary>
    AccountingUnavailable,
}
