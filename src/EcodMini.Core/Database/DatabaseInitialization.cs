namespace EcodMini.Core.Database;

/// <summary>What initialising a database did.</summary>
public sealed record DatabaseInitialization
{
    public required string Target { get; init; }
    /// <summary>Tables that did not exist before and were created.</summary>
    public IReadOnlyList<string> CreatedTables { get; init; } = [];
    /// <summary>Tables that were already there (left as they are).</summary>
    public IReadOnlyList<string> ExistingTables { get; init; } = [];
    public string EvidenceTable { get; init; } = ProductionSchema.DefaultEvidenceTable;
    public bool SchemaComplete { get; init; }
}
