namespace EcodMini.Core.Processes;

/// <summary>What a finished (or killed) process left: exit code, both streams, and whether the timeout killed it.</summary>
public sealed record ProcessResult(ProcessCommand Command, int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>"<command>: exit 1: <stderr or stdout>" for error messages.</summary>
    public string Describe()
    {
        var status = TimedOut ? $"timed out after {Command.Timeout.TotalSeconds:0.#} s" : $"exit code {ExitCode}";
        var text = (StandardError.Trim().Length > 0 ? StandardError : StandardOutput).Trim();
        if (text.Length > 2000) text = text[..2000] + "...";
        return text.Length == 0 ? $"{Command.Display}: {status}" : $"{Command.Display}: {status}: {text}";
    }
}
