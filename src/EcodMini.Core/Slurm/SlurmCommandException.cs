using EcodMini.Core.Processes;

namespace EcodMini.Core.Slurm;

/// <summary>A SLURM command failed for good (after any retries); the message quotes the command and both streams.</summary>
public sealed class SlurmCommandException(ProcessResult result, SlurmErrorKind kind, string? context = null)
    : IOException(context is null ? result.Describe() : $"{context}: {result.Describe()}")
{
    public ProcessResult Result { get; } = result;
    public SlurmErrorKind Kind { get; } = kind;
}
