namespace EcodMini.Core.Costs;

/// <summary>
/// What a run is expected to cost: chains, executor tasks (array tasks or per-protein jobs), the concurrency cap, the
/// core-hours it reserves (each task's wall time x its cpus) and the wall time at that cap.
/// </summary>
public sealed record RunEstimate
{
    public int Chains { get; init; }
    public int Tasks { get; init; }
    public int Concurrency { get; init; }
    public int CpusPerTask { get; init; } = 1;
    public double CoreHours { get; init; }
    public TimeSpan WallTime { get; init; }
    /// <summary>The longest single task (the wall time can never be shorter).</summary>
    public TimeSpan LongestTask { get; init; }
    public required string Model { get; init; }

    public string Describe() =>
        $"{Chains:N0} chain(s) in {Tasks:N0} task(s) of {CpusPerTask} cpu(s), {Concurrency:N0} at once: about {CoreHours:N1} core-hour(s), " +
        $"wall time about {Format(WallTime)} (longest task {Format(LongestTask)}); {Model}";

    public static string Format(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m" : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds:D2}s" : $"{t.TotalSeconds:N0}s";
}
