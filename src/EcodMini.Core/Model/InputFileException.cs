namespace EcodMini.Core.Model;

/// <summary>A bad input file: carries the file and a human-readable reason (never a stack trace for users).</summary>
public sealed class InputFileException(string filePath, string reason, Exception? inner = null)
    : Exception($"{filePath}: {reason}", inner)
{
    public string FilePath { get; } = filePath;
    public string Reason { get; } = reason;
}
