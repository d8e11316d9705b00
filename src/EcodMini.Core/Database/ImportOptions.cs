using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Monitoring;

namespace EcodMini.Core.Database;

/// <summary>How an import runs. Immutable; override with <c>with</c>.</summary>
public sealed record ImportOptions
{
    public CollisionStrategy CollisionStrategy { get; init; } = CollisionStrategy.Skip;
    public QualityFilter QualityFilter { get; init; } = QualityFilter.Good;
    public QualityThresholds QualityThresholds { get; init; } = QualityThresholds.Default;
    /// <summary>Report what would happen (inserts, skips, collisions) and write nothing.</summary>
    public bool DryRun { get; init; }
    /// <summary>The process_version of new rows; Version adds <c>.r2</c>, <c>.r3</c>, ... when it is taken.</summary>
    public string ProcessVersion { get; init; } = DefaultProcessVersion;
    public string ReferenceVersion { get; init; } = BatchLayout.DefaultReferenceVersion;
    public string EvidenceTable { get; init; } = ProductionSchema.DefaultEvidenceTable;
    /// <summary>Chains per transaction (a failing batch is retried chain by chain).</summary>
    public int BatchSize { get; init; } = 1000;
    /// <summary>Import again what the tracker says was already imported from the same file content.</summary>
    public bool IgnoreLedger { get; init; }

    public static string DefaultProcessVersion => $"mini_{AlgorithmInfo.Version}";
}
