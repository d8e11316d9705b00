namespace EcodMini.Core.Slurm;

/// <summary>What one finished SLURM task (array task or job) used, from sacct: its state, elapsed time, CPU time and peak memory.</summary>
public sealed record TaskResourceUsage(string JobId, SlurmJobState State, TimeSpan? Elapsed, TimeSpan? TotalCpu, long? MaxRssKilobytes);
