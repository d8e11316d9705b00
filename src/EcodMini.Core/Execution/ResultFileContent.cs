namespace EcodMini.Core.Execution;

/// <summary>The records read from a result file, and the lines that could not be used.</summary>
public sealed record ResultFileContent(IReadOnlyList<TaskResultRecord> Records, int MalformedLines, int TruncatedLines)
{
    public static ResultFileContent Empty { get; } = new([], 0, 0);
}
