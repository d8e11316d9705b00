using System.Diagnostics;
using System.Globalization;

namespace EcodMini.Bench.Import;

/// <summary>
/// CPU seconds used so far by this process and by every postgres server process on this machine (Linux /proc; the test
/// server runs locally), so the bench can say where an import's time goes: the client's work or the server's.
/// </summary>
internal static class CpuMeter
{
    public static (double Client, double Server) Now() => (Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, ServerSeconds());

    private static double ServerSeconds()
    {
        if (!Directory.Exists("/proc")) return double.NaN;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < 0 || stat[(open + 1)..close] != "postgres") continue;
                var fields = stat[(close + 2)..].Split(' ');
                // Own time plus that of waited-for children: a backend that has exited (psql's, at its exit) counts in the postmaster.
                ticks += new[] { 11, 12, 13, 14 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException) { }
        }
        return ticks / 100.0; // USER_HZ
    }
}
