namespace EcodMini.Core.Slurm;

public sealed partial class SlurmClient
{
    /// <summary>
    /// State, exit code and node of one job or array task (<c>123</c>, <c>123_4</c>): one sacct call, or scontrol when
    /// accounting cannot answer or no longer lists it. Null when neither knows the id any more.
    /// </summary>
    public SlurmJobDetail? QueryJobDetail(string jobId, CancellationToken cancellationToken)
    {
        if (!IsTaskId(jobId)) throw new ArgumentException($"'{jobId}' is not a SLURM job or array task id", nameof(jobId));
        var accounting = RunWithRetry(_options.Sacct,
            ["-X", "--parsable2", "--noheader", "-j", jobId, $"--format={SlurmJobDetailParser.SacctFormat}"], cancellationToken);
        if (accounting.Succeeded && SlurmJobDetailParser.ParseSacct(accounting.StandardOutput, jobId) is { } listed) return listed;
        var shown = RunWithRetry(_options.Scontrol, ["show", "job", jobId], cancellationToken);
        return shown.Succeeded ? SlurmJobDetailParser.ParseScontrol(shown.StandardOutput, jobId) : null;
    }
}
