using EcodMini.Core.Monitoring;
using EcodMini.Core.Tracking;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Re-reads imported chains (from the tracker's import ledger) and compares them, column by column, with what their
/// partition files map to today (the importer's own mapping); a row changed behind the importer's back, a missing
/// row or domain, or a file changed since the import each give a mismatch. Read-only.
/// </summary>
public sealed class ImportVerifier(PostgresConnector connector, string evidenceTable, string referenceVersion)
{
    private static readonly string[] Ignored = ["id", "protein_id", "domain_id", "batch_id", "timestamp", "process_parameters", "reference_version", "source_xml_path",
        "git_commit_hash", "source_xml_hash", "domain_summary_hash"];

    public async Task<IReadOnlyList<ImportMismatch>> VerifyAsync(IReadOnlyList<ImportLedgerEntry> imports, Action<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var mismatches = new List<ImportMismatch>();
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await SchemaInspector.EnsureCompatibleAsync(connection, connector.Target, evidenceTable, cancellationToken).ConfigureAwait(false);
        const int size = 1000;
        for (var start = 0; start < imports.Count; start += size)
        {
            var slice = imports.Skip(start).Take(size).ToList();
            var candidates = slice.Select(e => new ImportCandidate { Path = e.SourcePath, BatchName = e.BatchName }).ToList();
            var chains = ChainLoader.LoadAll(candidates, QualityThresholds.Default, referenceVersion, cancellationToken);
            var ids = slice.Where(e => e.PartitionProteinId is not null).Select(e => e.PartitionProteinId!.Value).ToArray();
            var stored = await StoredRows.ReadAsync(connection, evidenceTable, ids, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < slice.Count; i++) Compare(slice[i], chains[i], stored, mismatches);
            progress?.Invoke(Math.Min(start + size, imports.Count));
        }
        return mismatches;
    }

    private void Compare(ImportLedgerEntry entry, LoadedChain chain, StoredRows stored, List<ImportMismatch> mismatches)
    {
        var id = entry.PartitionProteinId ?? 0;
        var template = new ImportMismatch { ProteinId = entry.ProteinId, BatchName = entry.BatchName, PartitionProteinId = entry.PartitionProteinId,
            Table = "partition_proteins", Field = "row", Path = entry.SourcePath };
        if (chain.Error is not null) { mismatches.Add(template with { Table = "file", Field = "file", Expected = "readable", Actual = chain.Error }); return; }
        if (!stored.Proteins.TryGetValue(id, out var protein)) { mismatches.Add(template with { Expected = "present", Actual = "missing" }); return; }

        var expected = PartitionRowMapper.Protein(chain, id, null, entry.ProcessVersion, referenceVersion, default, "{}", null);
        // Files changed since the import: the row's own hashes against the files on disk (the ledger's hash for older rows).
        if (!FileDrift.Check(protein, template, mismatches) && chain.ContentHash != entry.ContentHash)
            mismatches.Add(template with { Table = "file", Field = "content_hash", Expected = entry.ContentHash, Actual = chain.ContentHash });
        CompareColumns(PartitionRows.ProteinColumns, expected, protein, template, mismatches);

        var domains = chain.Result!.Domains;
        var rows = stored.Domains.TryGetValue(id, out var list) ? list : [];
        if (rows.Count != domains.Count)
            mismatches.Add(template with { Table = "partition_domains", Field = "domains", Expected = domains.Count.ToString(), Actual = rows.Count.ToString() });
        for (var d = 0; d < domains.Count; d++)
        {
            var domain = domains[d];
            var support = d < chain.Support.Count ? chain.Support[d] : [];
            var domainTemplate = template with { Table = "partition_domains", DomainNumber = domain.Number };
            var row = rows.FirstOrDefault(r => Convert.ToInt32(r["domain_number"]) == domain.Number);
            if (row is null) { mismatches.Add(domainTemplate with { Field = "row", Expected = "present", Actual = "missing" }); continue; }
            var domainId = Convert.ToInt64(row["id"]);
            CompareColumns(PartitionRows.DomainColumns, PartitionRowMapper.Domain(domain, domainId, id, support), row, domainTemplate, mismatches);
            var evidence = stored.Evidence.TryGetValue(domainId, out var e) ? e : [];
            var evidenceTemplate = domainTemplate with { Table = evidenceTable };
            var expectedEvidence = PartitionRowMapper.Evidence(domain, domainId, support, EvidenceScorer.WithoutReference).ToList();
            if (evidence.Count != expectedEvidence.Count)
                mismatches.Add(evidenceTemplate with { Field = "evidence", Expected = $"{expectedEvidence.Count} rows", Actual = $"{evidence.Count} rows" });
            if (evidence.Count > 0) CompareColumns(PartitionRows.EvidenceColumns, expectedEvidence[0], evidence[0], evidenceTemplate, mismatches);
        }
    }

    private static void CompareColumns<TRow>(IReadOnlyList<StagingColumn<TRow>> columns, TRow expected, IReadOnlyDictionary<string, object?> actual,
        ImportMismatch template, List<ImportMismatch> mismatches)
    {
        foreach (var column in columns)
        {
            if (Ignored.Contains(column.Name)) continue;
            var want = column.Value(expected);
            var have = actual.TryGetValue(column.Name, out var v) ? v : null;
            if (!StoredRows.ValuesEqual(want, have))
                mismatches.Add(template with { Field = column.Name, Expected = StoredRows.Text(want), Actual = StoredRows.Text(have) });
        }
    }
}
