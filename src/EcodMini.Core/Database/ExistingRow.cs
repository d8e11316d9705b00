namespace EcodMini.Core.Database;

/// <summary>A partition_proteins row already in the database: id, process version, revision (process_parameters) and timestamp.</summary>
public sealed record ExistingRow(long Id, string? Version, int? Revision, DateTime Timestamp);
