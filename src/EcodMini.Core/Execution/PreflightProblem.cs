namespace EcodMini.Core.Execution;

/// <summary>What <see cref="ExecutionPreflight"/> found wrong.</summary>
public enum PreflightProblem
{
    ReferenceData,
    WorkDirectory,
    LogDirectory,
    OutputFolder,
}
