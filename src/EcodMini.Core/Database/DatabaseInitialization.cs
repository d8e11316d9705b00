namespace EcodMini.Core.Database;

/// <summary>What initialising a database did.</summary>
public sealed record DatabaseInitialization
{
    public required string Target { get; init; }
    /// <summary>Tables that did not exist before and were created.</summary>
    public IReadOnlyList<string> CreatedTables { get; init; } = [];
    /// <summary>Nullable columns added to existing tables (-Force).</summary>
    public IReadOnlyList<string> AddedColumns { get; init; } = [];
    public IReadOnlyList<string> CreatedViews { get; init; } = [];
    /// <summary>Every change made, in order.</summary>
    public IReadOnlyList<SchemaChange> Applied { get; init; } = [];
    /// <summary>Changes not made: they need -Force, were declined, or are differences the initializer never changes.</summary>
    public IReadOnlyList<SchemaChange> Skipped { get; init; } = [];
    public string EvidenceTable { get; init; } = ProductionSchema.DefaultEvidenceTable;
    /// <summary>Production, or Curation (production plus the ecod_curation staging schema).</summary>
    public ImportTarget SchemaTarget { get; init; }
    public bool SchemaComplete { get; init; }
}
