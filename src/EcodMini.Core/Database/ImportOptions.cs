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
    /// <summary>
    /// The process_version of new rows, exactly as given (the team's filters compare it literally). Version keeps it and
    /// numbers the row's revision in process_parameters instead.
    /// </summary>
    public string ProcessVersion { get; init; } = DefaultProcessVersion;
    public string ReferenceVersion { get; init; } = BatchLayout.DefaultReferenceVersion;
    public string EvidenceTable { get; init; } = ProductionSchema.DefaultEvidenceTable;
    /// <summary>The default chains per transaction (bench/import: fewer per-transaction statements, within 2x of psql's \copy).</summary>
    public const int DefaultBatchSize = 2000;
    /// <summary>Chains per transaction (a failing batch is retried chain by chain).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;
    /// <summary>Import again what the tracker says was already imported from the same file content.</summary>
    public bool IgnoreLedger { get; init; }
    /// <summary>Production only, or production plus the ecod_curation staging schema (same transaction).</summary>
    public ImportTarget Target { get; init; } = ImportTarget.Production;
    /// <summary>The reference library: per-hit confidence coverage terms and classification groups of summary hits (optional).</summary>
    public ReferenceData? Reference { get; init; }
    /// <summary>What ran the import (host, module version, git commit); written into process_parameters.</summary>
    public ImportProvenance Provenance { get; init; } = ImportProvenance.Current();

    /// <summary>The v2 validator's filter value; the v1 scripts and the dashboard use <c>mini_pyecod_1.0</c> (pass it with -ProcessVersion).</summary>
    public const string DefaultProcessVersion = "mini_pyecod_v2.0";
}
