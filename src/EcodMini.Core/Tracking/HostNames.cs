using System.Net;

namespace EcodMini.Core.Tracking;

/// <summary>The fully qualified name of this host, as a lease owner's identity.</summary>
internal static class HostNames
{
    /// <summary>
    /// The kernel's host name (in this UTS namespace) when it already holds a domain; else the name the resolver gives
    /// it (waiting at most two seconds), when that extends it; else the bare name. Never the short name of a
    /// qualified one: <c>login1.clusterA</c> and <c>login1.clusterB</c> stay two hosts.
    /// </summary>
    public static string FullyQualified()
    {
        var name = KernelHostName() ?? Dns.GetHostName();
        if (name.Contains('.')) return name;
        try
        {
            var lookup = Dns.GetHostEntryAsync(name);
            if (lookup.Wait(TimeSpan.FromSeconds(2)) && lookup.Result.HostName is { } full
                && full.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase))
                return full;
        }
        catch (AggregateException) { }
        catch (System.Net.Sockets.SocketException) { }
        return name;
    }

    private static string? KernelHostName()
    {
        try
        {
            const string path = "/proc/sys/kernel/hostname";
            var text = File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            return string.IsNullOrEmpty(text) ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }
}
