namespace EcodMini.Core.Tracking;

/// <summary>Which names of the jobs table <see cref="TrackingDatabase.GetNames"/> lists.</summary>
public enum TrackedNameKind
{
    BatchName,
    ProteinId,
}

/// <summary>A distinct batch name or protein id in the tracker, with how many jobs carry it.</summary>
public sealed record TrackedName(string Name, int Jobs);
