namespace EcodMini.Core.Configuration;

/// <summary>Which chains a production run takes and how failures are retried.</summary>
public sealed record ProcessingSettings
{
    public bool RepsOnly { get; init; } = true;
    public bool SkipExisting { get; init; } = true;
    public int MaxRetries { get; init; } = 2;
    /// <summary>Seconds before a failed job is retried (doubled per retry).</summary>
    public int RetryDelay { get; init; } = 300;
    public string BatchPattern { get; init; } = "ecod_batch_*";
    public string ReferenceVersion { get; init; } = Inputs.BatchLayout.DefaultReferenceVersion;
}
