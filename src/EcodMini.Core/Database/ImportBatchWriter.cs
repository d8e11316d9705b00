using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>What one batch transaction did.</summary>
internal sealed record BatchOutcome(IReadOnlyList<ProteinImportRecord> Records, int Domains, int EvidenceRows, int BatchesCreated);

/// <summary>
/// Writes one batch of chains in one transaction: batch ids, collision probe, per-chain decision, deletes for
/// Overwrite, ids from the tables' sequences, binary COPY into the staging tables, then one INSERT ... SELECT per
/// table. Any error rolls the whole batch back (the caller retries chain by chain). In a dry run or a collision
/// check the same reads run and the transaction is rolled back, so nothing is written. Not thread-safe.
/// </summary>
internal sealed class ImportBatchWriter(ImportOptions options, bool collisionCheckOnly)
{
    /// <summary>Serialises importers on one database (an advisory lock held until commit).</summary>
    private const long ImportLockKey = 0x45434F444D494E49; // "ECODMINI"

    private readonly StagingTable<ProteinRow> _proteins = new("ecodmini_stage_proteins", "pdb_analysis.partition_proteins", PartitionRows.ProteinColumns);
    private readonly StagingTable<DomainRow> _domains = new("ecodmini_stage_domains", "pdb_analysis.partition_domains", PartitionRows.DomainColumns);
    private readonly StagingTable<EvidenceRow> _evidence = new("ecodmini_stage_evidence",
        SqlIdentifier.Qualified(ProductionSchema.AnalysisSchema, options.EvidenceTable), PartitionRows.EvidenceColumns);

    private bool Writes => !options.DryRun && !collisionCheckOnly;

    public async Task<BatchOutcome> WriteAsync(NpgsqlConnection connection, IReadOnlyList<LoadedChain> chains, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (Writes) await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k)", cancellationToken, ("k", ImportLockKey)).ConfigureAwait(false);

        var names = chains.Where(c => c.BatchName is not null).GroupBy(c => c.BatchName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.BatchDirectory).FirstOrDefault(d => d is not null), StringComparer.Ordinal);
        var (batchIds, created) = await BatchRows.ResolveAsync(connection, transaction, names, options.ReferenceVersion, Writes, cancellationToken).ConfigureAwait(false);
        var existing = await ExistingRows.ReadAsync(connection, transaction,
            [.. chains.Select(c => (c.Result!.Protein.Pdb, c.Result.Protein.Chain))], cancellationToken).ConfigureAwait(false);

        var plans = chains.Select(c => Plan(c, batchIds, existing)).ToList();
        if (!Writes)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            // A dry run counts what the import would write: the domains and evidence rows of every chain it would write.
            var wouldWrite = plans.Where(p => p.Write).ToList();
            var wouldDomains = wouldWrite.Sum(p => p.Chain.Result!.DomainCount);
            var wouldEvidence = wouldWrite.Sum(p => p.Chain.Result!.Domains.Select((domain, d) =>
                PartitionRowMapper.Evidence(domain, 0, d < p.Chain.Support.Count ? p.Chain.Support[d] : []).Count()).Sum());
            return new BatchOutcome([.. plans.Select(p => p.Record)], wouldDomains, wouldEvidence, 0);
        }

        var deletes = plans.SelectMany(p => p.Deletes).ToArray();
        if (deletes.Length > 0) await DeleteAsync(connection, transaction, deletes, cancellationToken).ConfigureAwait(false);

        var writing = plans.Where(p => p.Write).ToList();
        var domainCount = writing.Sum(p => p.Chain.Result!.DomainCount);
        var proteinIds = await AllocateAsync(connection, transaction, "pdb_analysis.partition_proteins", writing.Count, cancellationToken).ConfigureAwait(false);
        var domainIds = await AllocateAsync(connection, transaction, "pdb_analysis.partition_domains", domainCount, cancellationToken).ConfigureAwait(false);

        var now = DateTime.UtcNow;
        var proteinRows = new List<ProteinRow>(writing.Count);
        var domainRows = new List<DomainRow>(domainCount);
        var evidenceRows = new List<EvidenceRow>(domainCount * 2);
        var records = new List<ProteinImportRecord>(plans.Count);
        int nextDomain = 0, nextProtein = 0;
        foreach (var plan in plans)
        {
            if (!plan.Write) { records.Add(plan.Record); continue; }
            var id = proteinIds[nextProtein++];
            proteinRows.Add(PartitionRowMapper.Protein(plan.Chain, id, plan.BatchId, plan.Version, options.ReferenceVersion, now));
            var domains = plan.Chain.Result!.Domains;
            for (var d = 0; d < domains.Count; d++)
            {
                var domainId = domainIds[nextDomain++];
                var support = d < plan.Chain.Support.Count ? plan.Chain.Support[d] : [];
                domainRows.Add(PartitionRowMapper.Domain(domains[d], domainId, id, support));
                evidenceRows.AddRange(PartitionRowMapper.Evidence(domains[d], domainId, support));
            }
            records.Add(plan.Record with { PartitionProteinId = id });
        }

        foreach (var create in new Func<Task>[]
                 {
                     () => _proteins.CreateAsync(connection, transaction, cancellationToken),
                     () => _domains.CreateAsync(connection, transaction, cancellationToken),
                     () => _evidence.CreateAsync(connection, transaction, cancellationToken),
                 })
            await create().ConfigureAwait(false);
        await _proteins.CopyAsync(connection, proteinRows, cancellationToken).ConfigureAwait(false);
        await _domains.CopyAsync(connection, domainRows, cancellationToken).ConfigureAwait(false);
        await _evidence.CopyAsync(connection, evidenceRows, cancellationToken).ConfigureAwait(false);
        await _proteins.InsertIntoTargetAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await _domains.InsertIntoTargetAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await _evidence.InsertIntoTargetAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new BatchOutcome(records, domainRows.Count, evidenceRows.Count, created);
    }

    private sealed record ChainPlan(LoadedChain Chain, ProteinImportRecord Record, bool Write, int? BatchId, string Version, long[] Deletes);

    private ChainPlan Plan(LoadedChain chain, Dictionary<string, int> batchIds, ExistingRows existing)
    {
        var r = chain.Result!;
        int? batchId = chain.BatchName is not null && batchIds.TryGetValue(chain.BatchName, out var b) ? b : null;
        // In a dry run a batch that does not exist yet has no rows, so nothing can collide under it.
        var rows = chain.BatchName is not null && batchId is null ? [] : existing.For(r.Protein.Pdb, r.Protein.Chain, batchId);
        var record = new ProteinImportRecord
        {
            ProteinId = r.ProteinId, BatchName = chain.BatchName, DryRun = options.DryRun || collisionCheckOnly,
            DomainCount = r.DomainCount, QualityGrade = chain.Grade, ExistingRows = rows.Count, Path = chain.Candidate.Path,
            ProcessVersion = options.ProcessVersion, Action = ImportAction.Imported,
        };
        if (collisionCheckOnly)
            return new ChainPlan(chain, record with { Action = rows.Count > 0 ? ImportAction.Collision : ImportAction.NoCollision, ProcessVersion = null },
                false, batchId, options.ProcessVersion, []);
        if (rows.Count == 0) return new ChainPlan(chain, record, true, batchId, options.ProcessVersion, []);
        var existingText = $"{rows.Count} existing row(s) for this chain and batch (process version {string.Join(", ", rows.Select(x => x.Version ?? "none"))})";
        return options.CollisionStrategy switch
        {
            CollisionStrategy.Overwrite => new ChainPlan(chain, record with { Action = ImportAction.Overwritten, Message = existingText + " replaced" },
                true, batchId, options.ProcessVersion, [.. rows.Select(x => x.Id)]),
            CollisionStrategy.Version => VersionPlan(chain, record, batchId, rows, existingText),
            _ => new ChainPlan(chain, record with { Action = ImportAction.Skipped, ProcessVersion = null, Message = existingText + " kept" },
                false, batchId, options.ProcessVersion, []),
        };
    }

    private ChainPlan VersionPlan(LoadedChain chain, ProteinImportRecord record, int? batchId, IReadOnlyList<(long Id, string? Version)> rows, string existingText)
    {
        var version = ExistingRows.NextVersion(options.ProcessVersion, rows.Select(x => x.Version));
        return new ChainPlan(chain, record with { Action = ImportAction.Versioned, ProcessVersion = version, Message = existingText + " kept" },
            true, batchId, version, []);
    }

    private async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] proteinIds, CancellationToken cancellationToken)
    {
        var evidence = SqlIdentifier.Qualified(ProductionSchema.AnalysisSchema, options.EvidenceTable);
        await ExecuteAsync(connection, transaction,
            $"DELETE FROM {evidence} WHERE domain_id IN (SELECT id FROM pdb_analysis.partition_domains WHERE protein_id = ANY(@ids))",
            cancellationToken, ("ids", proteinIds)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM pdb_analysis.partition_domains WHERE protein_id = ANY(@ids)", cancellationToken, ("ids", proteinIds)).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, "DELETE FROM pdb_analysis.partition_proteins WHERE id = ANY(@ids)", cancellationToken, ("ids", proteinIds)).ConfigureAwait(false);
    }

    /// <summary><paramref name="count"/> ids from the id column's sequence (serial or identity).</summary>
    private static async Task<long[]> AllocateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table, int count, CancellationToken cancellationToken)
    {
        if (count == 0) return [];
        await using var command = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence(@t, 'id')) FROM generate_series(1, @n)", connection, transaction);
        command.Parameters.AddWithValue("t", table);
        command.Parameters.AddWithValue("n", count);
        var ids = new long[count];
        var i = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) ids[i++] = reader.GetInt64(0);
        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
