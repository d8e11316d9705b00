namespace EcodMini.Core.Processes;

/// <summary>Runs external programs. The seam that lets unit tests replace sbatch, sacct and friends with recorded answers.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs the command to its end (or until its timeout kills it) and returns both streams. Throws
    /// <see cref="ProcessStartException"/> when the program cannot be started, <see cref="OperationCanceledException"/>
    /// when cancelled (the process is killed first).
    /// </summary>
    ProcessResult Run(ProcessCommand command, CancellationToken cancellationToken);
}
