namespace EcodMini.Core.Slurm;

/// <summary>Tasks parsed from one command's output, and the lines that could not be parsed (never silently dropped).</summary>
public sealed record SlurmParseResult(IReadOnlyList<SlurmTaskState> Tasks, IReadOnlyList<string> MalformedLines);
