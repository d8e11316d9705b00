using EcodMini.Core.Processes;

namespace EcodMini.Core.Tests;

/// <summary>
/// A test that needs the real SLURM cluster (tools/services/slurm.sh, started by ./build.sh Test). Outside CI a
/// missing cluster skips the test with a loud reason; under CI=true the test runs and fails in
/// <see cref="SlurmCluster.Require"/>, never silently passing.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (!SlurmCluster.IsCi && SlurmCluster.Unreachable() is { } reason)
            Skip = $"SLURM cluster not reachable ({reason}); run tools/services/slurm.sh as root. Under CI=true this test fails instead.";
    }
}

/// <summary>Checks for the test cluster once per process.</summary>
public static class SlurmCluster
{
    private static readonly Lazy<string?> Problem = new(Probe);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when <c>sinfo</c> answers with a usable node, else why not.</summary>
    public static string? Unreachable() => Problem.Value;

    /// <summary>Throws when the cluster cannot be used (a CI run must never pass without it).</summary>
    public static void Require()
    {
        if (Unreachable() is { } reason) throw new InvalidOperationException($"SLURM cluster required but not reachable: {reason}");
    }

    private static string? Probe()
    {
        try
        {
            var result = new ProcessRunner().Run(new ProcessCommand("sinfo", ["--noheader", "--format=%t"], TimeSpan.FromSeconds(20)), CancellationToken.None);
            if (!result.Succeeded) return result.Describe();
            var states = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return states.Any(s => s.StartsWith("idle", StringComparison.Ordinal) || s.StartsWith("mix", StringComparison.Ordinal)
                || s.StartsWith("alloc", StringComparison.Ordinal) || s.StartsWith("comp", StringComparison.Ordinal))
                ? null : $"no usable node (sinfo: {string.Join(", ", states)})";
        }
        catch (ProcessStartException ex)
        {
            return ex.Message;
        }
    }
}
