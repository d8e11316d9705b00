namespace EcodMini.Core.WorkerModules;

/// <summary>The worker module named by <see cref="Setting"/> cannot be used; the message names the path or version and the fix.</summary>
public sealed class WorkerModuleException(string setting, string message, Exception? inner = null)
    : Exception($"{setting}: {message}", inner)
{
    public string Setting { get; } = setting;
}
