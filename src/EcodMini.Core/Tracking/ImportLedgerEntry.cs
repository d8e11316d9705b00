namespace EcodMini.Core.Tracking;

/// <summary>
/// One chain imported into a PostgreSQL database: which job and file, when, under which process version, and the
/// partition_proteins row it became. Target is <c>user@host:port/database</c>.
/// </summary>
public sealed record ImportLedgerEntry
{
    public required string ProteinId { get; init; }
    public required string BatchName { get; init; }
    public required string Target { get; init; }
    public long? JobRef { get; init; }
    public string? SourcePath { get; init; }
    public string? ContentHash { get; init; }
    public required string ProcessVersion { get; init; }
    public long? PartitionProteinId { get; init; }
    public required string Action { get; init; }
    public DateTimeOffset ImportedAt { get; init; }
}
