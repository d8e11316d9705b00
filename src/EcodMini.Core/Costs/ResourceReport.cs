using System.Globalization;

namespace EcodMini.Core.Costs;

/// <summary>
/// p50 / p95 / max of what the SLURM tasks used (peak memory, elapsed, CPU time) and the settings that would fit them:
/// slurm.memory = max peak memory + 25%, rounded up to a whole GB (at least 1G); slurm.time = max elapsed x 1.5,
/// rounded up to 15 minutes. The figures cover the given tasks (all runs, or one run).
/// </summary>
public sealed record ResourceReport
{
    public int Tasks { get; init; }
    public int Chains { get; init; }
    public Percentiles MaxRssMegabytes { get; init; } = Percentiles.Empty;
    public Percentiles ElapsedMinutes { get; init; } = Percentiles.Empty;
    public Percentiles CpuMinutes { get; init; } = Percentiles.Empty;
    /// <summary>Recommended slurm.memory (e.g. "4G"); null without memory figures.</summary>
    public string? RecommendedMemory { get; init; }
    /// <summary>Recommended slurm.time (HH:MM:SS); null without elapsed figures.</summary>
    public string? RecommendedTime { get; init; }

    public const double MemoryHeadroom = 1.25;
    public const double TimeHeadroom = 1.5;

    public static ResourceReport From(IReadOnlyList<TaskResources> tasks)
    {
        var rss = Percentiles.Of(tasks.Where(t => t.MaxRssBytes is not null).Select(t => t.MaxRssBytes!.Value / 1048576.0));
        var elapsed = Percentiles.Of(tasks.Where(t => t.Elapsed is not null).Select(t => t.Elapsed!.Value.TotalMinutes));
        return new ResourceReport
        {
            Tasks = tasks.Count, Chains = tasks.Sum(t => t.Chains), MaxRssMegabytes = rss, ElapsedMinutes = elapsed,
            CpuMinutes = Percentiles.Of(tasks.Where(t => t.TotalCpu is not null).Select(t => t.TotalCpu!.Value.TotalMinutes)),
            RecommendedMemory = rss.Count == 0 ? null : $"{Math.Max(1, (int)Math.Ceiling(rss.Max * MemoryHeadroom / 1024))}G",
            RecommendedTime = elapsed.Count == 0 ? null : TimeText(Math.Ceiling(elapsed.Max * TimeHeadroom / 15) * 15),
        };
    }

    private static string TimeText(double minutes)
    {
        var t = TimeSpan.FromMinutes(Math.Max(15, minutes));
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:D2}:{t.Minutes:D2}:00");
    }

    public string Describe() => Tasks == 0
        ? "no SLURM task figures yet (sacct is read after tasks end: Get-EcodJobStatus -Refresh)"
        : $"{Tasks} task(s), {Chains} chain(s): peak memory MB {MaxRssMegabytes}; elapsed min {ElapsedMinutes}; CPU min {CpuMinutes}; " +
          $"recommended slurm.memory {RecommendedMemory ?? "(no figures)"}, slurm.time {RecommendedTime ?? "(no figures)"}";
}
