namespace EcodMini.Core.Slurm.Preflight;

/// <summary>
/// One SLURM command is installed and its daemon answers: sbatch (<c>--version</c>), squeue (a query of the
/// controller), sacct (a query of accounting; without it the tools fall back to squeue and scontrol: a warning).
/// </summary>
public sealed class SlurmCommandCheck(SlurmCommandCheck.Command command) : IClusterCheck
{
    public enum Command { Sbatch, Squeue, Sacct }

    public string Name => $"{command.ToString().ToLowerInvariant()} answers";

    public ClusterCheckResult Run(ClusterCheckContext context, CancellationToken cancellationToken)
    {
        var o = context.Client.Options;
        var (program, arguments) = command switch
        {
            Command.Sbatch => (o.Sbatch, new[] { "--version" }),
            Command.Squeue => (o.Squeue, new[] { "--noheader", "--format=%i", "--name=ecod-preflight-none" }),
            _ => (o.Sacct, new[] { "-X", "--noheader", "--parsable2", "--starttime", "now-1minutes", "--name=ecod-preflight-none", "--format=JobID" }),
        };
        Processes.ProcessResult result;
        try { result = context.Client.RunCommand(program, arguments, cancellationToken); }
        catch (Processes.ProcessStartException ex)
        {
            return ClusterCheckResult.Fail(Name, $"{program} cannot be started: {ex.Message}",
                $"install the SLURM client commands on this host, or put them on PATH (this process looked for '{program}')");
        }
        if (result.Succeeded)
            return ClusterCheckResult.Pass(Name, command == Command.Sbatch ? result.StandardOutput.Trim() : $"{program} answered in {result.Elapsed.TotalSeconds:0.0} s");
        if (command == Command.Sacct && SlurmErrorClassifier.Classify(result) == SlurmErrorKind.AccountingUnavailable)
            return ClusterCheckResult.Warn(Name, $"accounting does not answer: {result.Describe()}",
                "runs still work (polls fall back to squeue and scontrol, and the result files), but finished jobs are judged only while the controller remembers them (MinJobAge): start slurmdbd or enable accounting");
        return ClusterCheckResult.Fail(Name, result.Describe(), command == Command.Sbatch
            ? "check the SLURM client installation and slurm.conf on this host"
            : $"{program} must reach {(command == Command.Sacct ? "slurmdbd" : "slurmctld")}: check that the daemon runs and that munge works on this host ('{program}' by hand shows the same error)");
    }
}
