namespace EcodMini.Core.Slurm;

/// <summary>
/// The pwsh a worker job runs, as absolute paths for the job script: the configured <c>slurm.worker_pwsh</c>, else the
/// submitting process itself (<c>pwsh</c>, or <c>dotnet</c> + <c>pwsh.dll</c> when pwsh runs as a .NET tool), so the
/// nodes run the same pwsh and module version as the head node. Pure and thread-safe.
/// </summary>
public static class WorkerProgram
{
    /// <summary>Throws <see cref="InvalidOperationException"/> when no pwsh can be named (say so in slurm.worker_pwsh).</summary>
    public static IReadOnlyList<string> Resolve(string? configured, string? processPath, string? psHome)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return [configured];
        if (processPath is null)
            throw new InvalidOperationException("cannot tell which pwsh runs this session; set slurm.worker_pwsh in the configuration");
        var name = Path.GetFileNameWithoutExtension(processPath);
        if (name.Equals("pwsh", StringComparison.OrdinalIgnoreCase)) return [processPath];
        var dll = psHome is null ? null : Path.Combine(psHome, "pwsh.dll");
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && dll is not null && File.Exists(dll)) return [processPath, dll];
        var apphost = psHome is null ? null : Path.Combine(psHome, "pwsh");
        if (apphost is not null && File.Exists(apphost)) return [apphost];
        throw new InvalidOperationException($"this session runs in {processPath}, not pwsh; set slurm.worker_pwsh in the configuration");
    }

    /// <summary>
    /// Seconds before the time limit at which a task is warned (SIGUSR1): a tenth of the limit, between 10 s and
    /// 5 minutes (SLURM may send it up to a minute early, so short limits get a short warning).
    /// </summary>
    public static int WarningSeconds(string time)
    {
        var minutes = SlurmResourceScaler.Minutes(time);
        if (minutes is null) return 300;
        return (int)Math.Clamp(minutes.Value * 60 / 10, 10, 300);
    }
}
