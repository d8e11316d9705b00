namespace EcodMini.Core.Database;

/// <summary>
/// The outcome of one import. Attempted = Imported + Skipped + Filtered + Failed; Collisions counts chains that met
/// existing rows whatever the strategy did with them. In a dry run Imported is what would have been written.
/// </summary>
public sealed record ImportSummary
{
    public int Attempted { get; init; }
    public int Imported { get; init; }
    public int Skipped { get; init; }
    public int Filtered { get; init; }
    public int Failed { get; init; }
    public int Collisions { get; init; }
    public double Seconds { get; init; }
    public int Domains { get; init; }
    public int EvidenceRows { get; init; }
    public int BatchesCreated { get; init; }
    public bool DryRun { get; init; }
    public bool CollisionCheckOnly { get; init; }
    public CollisionStrategy CollisionStrategy { get; init; }
    public QualityFilter QualityFilter { get; init; }
    public string ProcessVersion { get; init; } = "";
    /// <summary><c>user@host:port/database</c>.</summary>
    public string Database { get; init; } = "";
    public double ProteinsPerSecond => Seconds > 0 ? Imported / Seconds : 0;
}
