namespace EcodMini.Core.Slurm;

/// <summary>One schedulable unit: a plain job (<see cref="ArrayIndex"/> null) or one task of an array, named by its array job id.</summary>
public readonly record struct SlurmTaskId(string JobId, int? ArrayIndex)
{
    public override string ToString() => ArrayIndex is null ? JobId : $"{JobId}_{ArrayIndex}";
}
