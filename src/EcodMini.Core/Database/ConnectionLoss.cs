using System.Net.Sockets;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Which import failures are a lost or refused connection worth waiting out (a server restart, a network drop, a server
/// still starting up), and how long to wait before the next try: a doubling backoff capped at 8 s, at most
/// <see cref="MaxAttempts"/> tries (about 45 s of waiting in all). A statement timeout, a refused login or a bad row is
/// not a lost connection. Pure.
/// </summary>
internal static class ConnectionLoss
{
    public const int MaxAttempts = 10;

    /// <summary>
    /// How many times the same chains may lose a connection the server had accepted before the loss is taken as theirs
    /// (a server restart ends one session; chains that end every session they are written on are at fault).
    /// </summary>
    public const int WritesPerChains = 2;
    private static readonly string[] ServerGoing = ["57P01", "57P02", "57P03", "53300"];

    public static bool IsTransient(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || ServerGoing.Contains(pg.SqlState);
                case TimeoutException:
                    return false;
                case SocketException or EndOfStreamException or IOException:
                    return true;
                case NpgsqlException { IsTransient: true } when e.InnerException is null:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The wait before try <paramref name="attempt"/> + 1: 0.5, 1, 2, 4, then 8 s.</summary>
    public static TimeSpan Delay(int attempt) => TimeSpan.FromMilliseconds(Math.Min(8000, 250 * Math.Pow(2, Math.Clamp(attempt, 1, 6))));
}
