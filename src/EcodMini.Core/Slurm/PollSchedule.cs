namespace EcodMini.Core.Slurm;

/// <summary>
/// The wait between status polls: starts at <see cref="Initial"/>, doubles while nothing changes, up to
/// <see cref="Maximum"/>, and drops back to the start when a poll sees progress. A fixed interval is
/// <c>Initial == Maximum</c>. Not thread-safe; one per waiting loop.
/// </summary>
public sealed class PollSchedule
{
    public static readonly TimeSpan DefaultInitial = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultMaximum = TimeSpan.FromSeconds(180);

    public PollSchedule(TimeSpan initial, TimeSpan maximum)
    {
        if (initial <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(initial), "the poll interval must be positive");
        Initial = initial;
        Maximum = maximum < initial ? initial : maximum;
        Current = initial;
    }

    public TimeSpan Initial { get; }
    public TimeSpan Maximum { get; }
    public TimeSpan Current { get; private set; }

    public static PollSchedule Fixed(TimeSpan interval) => new(interval, interval);

    /// <summary>The wait before the next poll, given whether the last poll saw any change.</summary>
    public TimeSpan Next(bool progressed)
    {
        Current = progressed ? Initial : TimeSpan.FromTicks(Math.Min(Maximum.Ticks, Current.Ticks * 2));
        return Current;
    }
}
