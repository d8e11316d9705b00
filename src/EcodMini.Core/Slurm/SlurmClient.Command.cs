using EcodMini.Core.Processes;

namespace EcodMini.Core.Slurm;

public sealed partial class SlurmClient
{
    /// <summary>
    /// Runs one SLURM command as given (transient failures retried) and returns its result, failed or not: for
    /// checks that judge the answer themselves (Test-EcodCluster). Counted in <see cref="CallCounts"/>.
    /// </summary>
    public ProcessResult RunCommand(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunWithRetry(program, arguments, cancellationToken);
}
