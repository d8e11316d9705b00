namespace EcodMini.Core.Execution;

/// <summary>Another executor holds the work folder's lock file; each run needs its own work folder.</summary>
public sealed class WorkDirectoryInUseException(string workDirectory, string message, Exception? inner = null) : IOException(message, inner)
{
    public string WorkDirectory { get; } = workDirectory;
}
