namespace EcodMini.Core.Database;

/// <summary>
/// Row timestamps for partition_proteins: wall-clock time in microseconds (PostgreSQL's resolution), strictly increasing
/// across the rows of one importer, and later than any existing row of the same chain, so "the newest row by timestamp"
/// never ties and the row just written wins. One instance per importer; not thread-safe.
/// </summary>
public sealed class RowClock(Func<DateTime>? now = null)
{
    private readonly Func<DateTime> _now = now ?? (() => DateTime.UtcNow);
    private DateTime _last = DateTime.MinValue;

    /// <summary>The next timestamp, after <paramref name="notBefore"/> (the chain's newest existing row) when given.</summary>
    public DateTime Next(DateTime? notBefore = null)
    {
        var value = Truncate(_now());
        if (value <= _last) value = _last.AddTicks(TimeSpan.TicksPerMicrosecond);
        if (notBefore is { } floor && value <= Truncate(floor)) value = Truncate(floor).AddTicks(TimeSpan.TicksPerMicrosecond);
        _last = value;
        return value;
    }

    private static DateTime Truncate(DateTime t)
    {
        var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc);
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
    }
}
