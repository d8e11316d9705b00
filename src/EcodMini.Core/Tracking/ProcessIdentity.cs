using System.Diagnostics;
using System.Globalization;

namespace EcodMini.Core.Tracking;

/// <summary>This process as a lease owner (host, pid, start time), and whether a recorded owner still runs.</summary>
public static class ProcessIdentity
{
    private const string Unknown = "unknown";

    public static string Host => Environment.MachineName;

    public static int ProcessId => Environment.ProcessId;

    /// <summary>The current process's start time as stored in a lease.</summary>
    public static string? CurrentStart() => StartOf(Environment.ProcessId);

    /// <summary>
    /// False only when the owner is known to be gone: it ran on this host and its process id is unused, or now
    /// belongs to a process that started at another time. An owner on another host is never judged here.
    /// </summary>
    public static bool MayBeAlive(TrackerLease owner)
    {
        if (!string.Equals(owner.Host, Host, StringComparison.OrdinalIgnoreCase)) return true;
        var start = StartOf(owner.ProcessId);
        if (start is null) return false;
        return owner.ProcessStart is null || start == Unknown || owner.ProcessStart == start;
    }

    /// <summary>
    /// A process's start as a stable token: on Linux the start time in clock ticks since boot from /proc/&lt;pid&gt;/stat
    /// (exact, unlike a computed wall-clock time); elsewhere the start time to the second. Null when the process is gone.
    /// </summary>
    private static string? StartOf(int pid)
    {
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                // Fields after the command name (which may hold spaces) start at its closing parenthesis; starttime is field 22.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // A killed process whose parent died too can linger as a zombie (state Z) until init reaps it: it is gone.
                if (fields.Length > 0 && fields[0] is "Z" or "X") return null;
                return fields.Length > 19 ? "ticks:" + fields[19] : Unknown;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException) { return null; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return Unknown; }
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return null;
            return process.StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        catch (ArgumentException) { return null; }
        catch (InvalidOperationException) { return null; }
        catch (System.ComponentModel.Win32Exception) { return Unknown; }
    }
}
