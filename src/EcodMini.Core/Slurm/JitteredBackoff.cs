namespace EcodMini.Core.Slurm;

/// <summary>
/// Exponential backoff with jitter: attempt n waits a random time between half and all of
/// min(<see cref="Initial"/> x 2^n, <see cref="Maximum"/>), so many clients retrying together spread out.
/// Not thread-safe (owns a <see cref="Random"/>); one per client.
/// </summary>
public sealed class JitteredBackoff(TimeSpan initial, TimeSpan maximum, Random random)
{
    public TimeSpan Initial { get; } = initial;
    public TimeSpan Maximum { get; } = maximum;

    public TimeSpan Delay(int attempt)
    {
        var ceiling = Math.Min(Maximum.TotalMilliseconds, Initial.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30)));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + random.NextDouble() * 0.5));
    }
}
