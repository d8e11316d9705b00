using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Scanning;

/// <summary>What to scan and which chains to keep.</summary>
public sealed record ScanOptions
{
    public required string BatchRoot { get; init; }
    /// <summary>Glob ('*', '?') on batch folder names directly under BatchRoot.</summary>
    public string Pattern { get; init; } = "ecod_batch_*";
    /// <summary>Keep only chains on the representative list.</summary>
    public bool RepsOnly { get; init; }
    /// <summary>One protein id per line, '#' comments, blank lines; default <c>&lt;BatchRoot&gt;/representatives.txt</c>.</summary>
    public string? RepresentativeListPath { get; init; }
    /// <summary>Representative ids given directly (e.g. read from the production database); used instead of a list file.</summary>
    public IReadOnlySet<string>? Representatives { get; init; }
    /// <summary>Where <see cref="Representatives"/> came from (reported as the scan's representative source).</summary>
    public string? RepresentativeSource { get; init; }
    /// <summary>
    /// Skip chains whose output exists (unless the tracker says they failed) and whose latest completed attempt ran with the
    /// same inputs, algorithm version and options (else the chain is queued with the reason).
    /// </summary>
    public bool SkipExisting { get; init; } = true;
    /// <summary>
    /// Queue chains the tracker says failed (timed out, cancelled) for retry, as far as <see cref="Retry"/> allows (failed
    /// for good and not-yet-due chains are counted, not queued); otherwise failed chains are skipped.
    /// </summary>
    public bool IncludeFailed { get; init; }
    /// <summary>The retry policy (max_retries, retry_delay) that decides which failed chains may run again now.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Unlimited;
    public int? MaxProteins { get; init; }
    public string ReferenceVersion { get; init; } = BatchLayout.DefaultReferenceVersion;
    /// <summary>An open tracker to read previous attempts from (optional).</summary>
    public TrackingDatabase? TrackingDatabase { get; init; }
    /// <summary>How many leading bytes of a summary the evidence-quality peek reads; 0 turns the peek off.</summary>
    public int EvidencePeekBytes { get; init; } = 4096;

    /// <summary>The reference data folder whose hash is part of each chain's inputs (null: none).</summary>
    public string? ReferenceDirectory { get; init; }
    /// <summary>The partitioning options a run would use (their hash decides OptionsChanged).</summary>
    public PartitionOptions PartitionOptions { get; init; } = new();

    public const string DefaultRepresentativeListName = "representatives.txt";
}
