namespace EcodMini.Core.Tracking;

/// <summary>
/// The import ledger: which chains went into which PostgreSQL database, from which file content, under which
/// process version, so a rerun imports only what is new. One row per chain, batch and target (the latest import).
/// </summary>
public sealed partial class TrackingDatabase
{
    /// <summary>Records imports in one transaction; a later import of the same chain, batch and target replaces the row.</summary>
    /// <summary>Records imported chains in the ledger; nothing to record takes no write transaction (a collision check writes nothing).</summary>
    public void RecordImports(IReadOnlyList<ImportLedgerEntry> entries)
    {
        if (entries.Count == 0) return;
        Write(transaction => RecordImportsIn(transaction, entries));
    }

    private void RecordImportsIn(Microsoft.Data.Sqlite.SqliteTransaction transaction, IReadOnlyList<ImportLedgerEntry> entries)
    {
        if (entries.Count == 0) return;
        using var command = Command("""
            INSERT INTO imports (protein_id, batch_name, target, job_ref, source_path, content_hash, process_version,
                partition_protein_id, action, imported_at)
            VALUES ($p, $b, $t, $job, $path, $hash, $version, $row, $action, $at)
            ON CONFLICT (protein_id, batch_name, target) DO UPDATE SET job_ref = excluded.job_ref,
                source_path = excluded.source_path, content_hash = excluded.content_hash,
                process_version = excluded.process_version, partition_protein_id = excluded.partition_protein_id,
                action = excluded.action, imported_at = excluded.imported_at;
            """, transaction);
        foreach (var e in entries)
        {
            command.Set("$p", e.ProteinId);
            command.Set("$b", e.BatchName);
            command.Set("$t", e.Target);
            command.Set("$job", e.JobRef);
            command.Set("$path", e.SourcePath);
            command.Set("$hash", e.ContentHash);
            command.Set("$version", e.ProcessVersion);
            command.Set("$row", e.PartitionProteinId);
            command.Set("$action", e.Action);
            command.Set("$at", TrackingTime.ToText(e.ImportedAt));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The ledger rows for one target database, ordered by batch and protein (optionally only the first <paramref name="limit"/>).</summary>
    public IReadOnlyList<ImportLedgerEntry> GetImports(string target, int? limit = null)
    {
        using var command = Command("""
            SELECT protein_id, batch_name, target, job_ref, source_path, content_hash, process_version,
                   partition_protein_id, action, imported_at
            FROM imports WHERE target = $t ORDER BY batch_name, protein_id LIMIT $limit;
            """);
        command.Set("$t", target);
        command.Set("$limit", limit ?? -1);
        var entries = new List<ImportLedgerEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new ImportLedgerEntry
            {
                ProteinId = reader.GetString(0), BatchName = reader.GetString(1), Target = reader.GetString(2),
                JobRef = reader.IsDBNull(3) ? null : reader.GetInt64(3), SourcePath = reader.GetStringOrNull(4),
                ContentHash = reader.GetStringOrNull(5), ProcessVersion = reader.GetString(6),
                PartitionProteinId = reader.IsDBNull(7) ? null : reader.GetInt64(7), Action = reader.GetString(8),
                ImportedAt = TrackingTime.Parse(reader.GetValue(9)) ?? default,
            });
        }
        return entries;
    }
}
