namespace EcodMini.Core.Slurm.Preflight;

/// <summary>One check of Test-EcodCluster: what was checked, how it came out, what was seen, and (unless passed) the fix.</summary>
public sealed record ClusterCheckResult(string Check, ClusterCheckStatus Status, string Detail, string? Fix = null)
{
    public TimeSpan Duration { get; init; }

    public bool Passed => Status != ClusterCheckStatus.Failed;

    public static ClusterCheckResult Pass(string check, string detail) => new(check, ClusterCheckStatus.Passed, detail);

    public static ClusterCheckResult Warn(string check, string detail, string fix) => new(check, ClusterCheckStatus.Warning, detail, fix);

    public static ClusterCheckResult Fail(string check, string detail, string fix) => new(check, ClusterCheckStatus.Failed, detail, fix);
}
