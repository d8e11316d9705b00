using System.Diagnostics;
using System.Globalization;

namespace EcodMini.Core.Tracking;

/// <summary>
/// This process as a lease owner (fully qualified host, boot id, pid namespace, pid, start time) and whether a
/// recorded owner on this same machine still runs. Owners on other machines are never judged here.
/// </summary>
public static class ProcessIdentity
{
    private const string Unknown = "unknown";
    private static readonly Lazy<string> FullHost = new(HostNames.FullyQualified);
    private static readonly Lazy<string?> Boot = new(() => ReadTrimmed("/proc/sys/kernel/random/boot_id"));
    private static readonly Lazy<string?> Namespace = new(PidNamespaceOfSelf);

    /// <summary>The fully qualified host name (login1.clusterA, not login1).</summary>
    public static string Host => FullHost.Value;

    /// <summary>This machine's boot id; null where the kernel does not tell it.</summary>
    public static string? BootId => Boot.Value;

    /// <summary>This process's pid namespace (e.g. <c>pid:[4026531836]</c>); null where unknown.</summary>
    public static string? PidNamespace => Namespace.Value;

    public static int ProcessId => Environment.ProcessId;

    /// <summary>Milliseconds on this machine's monotonic clock (shared by every process of one boot).</summary>
    public static long MonotonicMs => Environment.TickCount64;

    /// <summary>The current process's start time as stored in a lease.</summary>
    public static string? CurrentStart() => StartOf(Environment.ProcessId);

    /// <summary>A lease claim for this process.</summary>
    public static TrackerLease Claim(string runId, string? workDirectory = null) => new()
    {
        RunId = runId, Host = Host, ProcessId = ProcessId, ProcessStart = CurrentStart(), BootId = BootId,
        PidNamespace = PidNamespace, WorkDirectory = workDirectory,
    };

    /// <summary>
    /// True when the owner ran on this very machine and boot, in this pid namespace: only then does its pid mean
    /// anything here, and only then is its monotonic clock this one.
    /// </summary>
    public static bool IsSameMachine(TrackerLease owner) =>
        string.Equals(owner.Host, Host, StringComparison.OrdinalIgnoreCase)
        && owner.BootId is not null && owner.BootId == BootId && owner.PidNamespace == PidNamespace;

    /// <summary>The key of this machine (host and boot) as an observer of other owners' heartbeats.</summary>
    public static string ObserverKey => $"{Host}/{BootId ?? "no-boot-id"}";

    /// <summary>
    /// For an owner on this machine (<see cref="IsSameMachine"/>): false when its process id is unused, or now belongs
    /// to a process that started at another time. True (cannot tell) for any other owner.
    /// </summary>
    public static bool MayBeAlive(TrackerLease owner)
    {
        if (!IsSameMachine(owner)) return true;
        var start = StartOf(owner.ProcessId);
        if (start is null) return false;
        return owner.ProcessStart is null || start == Unknown || owner.ProcessStart == start;
    }

    private static string? ReadTrimmed(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path).Trim() : null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    private static string? PidNamespaceOfSelf()
    {
        try { return new FileInfo("/proc/self/ns/pid").LinkTarget; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
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
