namespace EcodMini.Core.Execution;

/// <summary>A run that cannot start (bad reference data, unwritable work or output folder); nothing was marked in the tracker.</summary>
public sealed class ExecutionPreflightException(PreflightProblem problem, string path, string message, Exception? inner = null)
    : IOException(message, inner)
{
    public PreflightProblem Problem { get; } = problem;
    /// <summary>The file or folder at fault.</summary>
    public string FaultPath { get; } = path;
}
