namespace EcodMini.Core.Processes;

/// <summary>A program could not be started (not installed, not on PATH, not executable).</summary>
public sealed class ProcessStartException(string fileName, string reason, Exception? inner = null)
    : IOException($"{fileName}: cannot be started ({reason}); is it installed and on PATH?", inner)
{
    public string FileName { get; } = fileName;
}
