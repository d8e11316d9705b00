namespace EcodMini.Core.Scanning;

/// <summary>What a scan found and what it queued, in priority order.</summary>
public sealed record ScanResult
{
    /// <summary>The chains to process, highest priority first (after MaxProteins).</summary>
    public required IReadOnlyList<ProteinTask> Tasks { get; init; }
    public int BatchCount { get; init; }
    /// <summary>Valid summaries found in the scanned batches.</summary>
    public int TotalFound { get; init; }
    /// <summary>Found chains that are on the representative list.</summary>
    public int RepresentativeCount { get; init; }
    public int ToProcess => Tasks.Count;
    /// <summary>Skipped: output present and not failed in the tracker.</summary>
    public int SkippedDone { get; init; }
    /// <summary>Queued although their output exists: inputs, algorithm version or options changed since the completed attempt.</summary>
    public int Changed { get; init; }
    /// <summary>Skipped: failed in the tracker and IncludeFailed not set.</summary>
    public int SkippedFailed { get; init; }
    public int SkippedNotRepresentative { get; init; }
    /// <summary>Queued chains that failed before (a subset of Tasks before MaxProteins).</summary>
    public int FailedForRetry { get; init; }
    /// <summary>Failed chains left out because their retry delay has not passed yet (deferred, with IncludeFailed).</summary>
    public int RetryNotDue { get; init; }
    /// <summary>Failed chains left out because they used up their retries (failed for good, with IncludeFailed).</summary>
    public int RetriesExhausted { get; init; }
    /// <summary>Failed chains left out because their error is permanent (never retried; with IncludeFailed).</summary>
    public int FailedPermanently { get; init; }
    /// <summary>Candidates left out by MaxProteins.</summary>
    public int Deferred { get; init; }
    /// <summary>Summary files whose names do not hold a valid protein id (never passed on).</summary>
    public int InvalidFileNames { get; init; }
    public IReadOnlyList<string> InvalidFileNameSamples { get; init; } = [];
    /// <summary>Summaries for another reference version (ignored).</summary>
    public int OtherReferenceVersionFiles { get; init; }
    public int InvalidRepresentativeLines { get; init; }
    public string? RepresentativeListPath { get; init; }
    public TimeSpan Duration { get; init; }
    public DateTimeOffset ScanTimestamp { get; init; }
}
