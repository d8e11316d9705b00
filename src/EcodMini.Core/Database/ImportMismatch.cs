namespace EcodMini.Core.Database;

/// <summary>One difference between an imported chain's rows and its partition file. Field is a column name, or <c>row</c>/<c>domains</c>/<c>evidence</c>/<c>file</c>.</summary>
public sealed record ImportMismatch
{
    public required string ProteinId { get; init; }
    public string? BatchName { get; init; }
    public long? PartitionProteinId { get; init; }
    /// <summary>partition_proteins, partition_domains, the evidence table, or the partition file.</summary>
    public required string Table { get; init; }
    public int? DomainNumber { get; init; }
    public required string Field { get; init; }
    public string? Expected { get; init; }
    public string? Actual { get; init; }
    public string? Path { get; init; }
}
