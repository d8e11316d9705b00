namespace EcodMini.Core.Database;

/// <summary>One chain's outcome. In a dry run the action is what would happen and nothing was written.</summary>
public sealed record ProteinImportRecord
{
    public required string ProteinId { get; init; }
    public string? BatchName { get; init; }
    public required ImportAction Action { get; init; }
    public bool DryRun { get; init; }
    public string? ProcessVersion { get; init; }
    /// <summary>pdb_analysis.partition_proteins.id of the written row.</summary>
    public long? PartitionProteinId { get; init; }
    public int DomainCount { get; init; }
    public string? QualityGrade { get; init; }
    /// <summary>Existing rows for the same chain and batch before this import.</summary>
    public int ExistingRows { get; init; }
    public string? Path { get; init; }
    public string? Message { get; init; }
}
