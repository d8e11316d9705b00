using EcodMini.Core.Model;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>What one batch transaction did.</summary>
internal sealed record BatchOutcome(IReadOnlyList<ProteinImportRecord> Records, int Domains, int EvidenceRows, int BatchesCreated);

/// <summary>
/// Writes one batch of chains in one transaction: batch ids, collision probe, per-chain decision (<see cref="ChainPlanner"/>),
/// deletes for Overwrite, ids from the tables' sequences, one text COPY straight into each table (<see cref="TableCopy{TRow}"/>),
/// then the tracking tables (<see cref="TrackingRows"/>), the reference domains the evidence names and, for the Curation target, the staging schema. Any
/// error rolls the whole batch back (the caller retries chain by chain). In a dry run or a collision check the same
/// reads run and the transaction is rolled back, so nothing is written. Not thread-safe.
/// </summary>
internal sealed class ImportBatchWriter(ImportOptions options, bool collisionCheckOnly)
{
    /// <summary>Serialises importers on one database (an advisory lock held until commit).</summary>
    private const long ImportLockKey = 0x45434F444D494E49; // "ECODMINI"

    private readonly TableCopy<ProteinRow> _proteins = new("pdb_analysis.partition_proteins", PartitionRows.ProteinColumns);
    private readonly TableCopy<DomainRow> _domains = new("pdb_analysis.partition_domains", PartitionRows.DomainColumns);
    private readonly TableCopy<EvidenceRow> _evidence = new(SqlIdentifier.Qualified(ProductionSchema.AnalysisSchema, options.EvidenceTable), PartitionRows.EvidenceColumns);
    private readonly ChainPlanner _planner = new(options, collisionCheckOnly);
    private readonly RowClock _clock = new();
    private readonly EvidenceScorer _scorer = new(options.Reference);
    private readonly BatchFolders _folders = new(options.ReferenceVersion);
    private static readonly IReadOnlySet<string> NoJoinedArrays = new HashSet<string>();
    private IReadOnlySet<string>? _joinedDomainArrays;

    private bool Writes => !options.DryRun && !collisionCheckOnly;

    /// <summary>The last batch when its COMMIT was sent but not confirmed (the connection dropped); null otherwise.</summary>
    public PendingCommit? InDoubt { get; private set; }

    /// <summary>Forgets the in-doubt batch once the database said whether it committed.</summary>
    public void Settle() => InDoubt = null;

    public async Task<BatchOutcome> WriteAsync(NpgsqlConnection connection, IReadOnlyList<LoadedChain> chains, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (Writes) await SqlCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k)", cancellationToken, ("k", ImportLockKey)).ConfigureAwait(false);

        var names = chains.Where(c => c.BatchName is not null).GroupBy(c => c.BatchName!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.BatchDirectory).FirstOrDefault(d => d is not null), StringComparer.Ordinal);
        var (batchIds, created) = await BatchRows.ResolveAsync(connection, transaction, names, options.ReferenceVersion, Writes, cancellationToken).ConfigureAwait(false);
        var existing = await ExistingRows.ReadAsync(connection, transaction,
            [.. chains.Select(c => (c.Result!.Protein.Pdb, c.Result.Protein.Chain))], cancellationToken).ConfigureAwait(false);

        var plans = chains.Select(c => _planner.Plan(c, batchIds, existing)).ToList();
        if (!Writes)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            // A dry run counts what the import would write: the domains and evidence rows of every chain it would write.
            var wouldWrite = plans.Where(p => p.Write).ToList();
            var wouldDomains = wouldWrite.Sum(p => p.Chain.Result!.DomainCount);
            var wouldEvidence = wouldWrite.Sum(p => p.Chain.Result!.Domains.Select((domain, d) =>
                PartitionRowMapper.Evidence(domain, 0, d < p.Chain.Support.Count ? p.Chain.Support[d] : [], _scorer).Count()).Sum());
            return new BatchOutcome([.. plans.Select(p => p.Record)], wouldDomains, wouldEvidence, 0);
        }

        var deletes = plans.SelectMany(p => p.Deletes).ToArray();
        if (deletes.Length > 0) await DeleteAsync(connection, transaction, deletes, cancellationToken).ConfigureAwait(false);

        var writing = plans.Where(p => p.Write).ToList();
        var domainCount = writing.Sum(p => p.Chain.Result!.DomainCount);
        var (proteinIds, domainIds) = await AllocateAsync(connection, transaction, writing.Count, domainCount, cancellationToken).ConfigureAwait(false);
        var (rows, proteinRows, evidenceRows) = BuildRows(plans, proteinIds, domainIds);

        _joinedDomainArrays ??= await JoinedDomainArraysAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await _proteins.CopyAsync(connection, proteinRows, NoJoinedArrays, cancellationToken).ConfigureAwait(false);
        await _domains.CopyAsync(connection, rows.Domains, _joinedDomainArrays, cancellationToken).ConfigureAwait(false);
        await _evidence.CopyAsync(connection, evidenceRows, NoJoinedArrays, cancellationToken).ConfigureAwait(false);

        var tracked = writing.Select(Track).ToList();
        var sizes = writing.Where(p => p.BatchId is not null).GroupBy(p => p.BatchId!.Value)
            .ToDictionary(g => g.Key, g => _folders.Size(g.First().Chain.BatchDirectory));
        await TrackingRows.WriteAsync(connection, transaction, tracked, sizes, cancellationToken).ConfigureAwait(false);
        await ReferenceDomainRows.WriteAsync(connection, transaction, options.Reference, rows.Evidence, cancellationToken).ConfigureAwait(false);
        if (options.Target == ImportTarget.Curation)
            await Curation.CurationStaging.WriteAsync(connection, transaction, writing, rows, cancellationToken).ConfigureAwait(false);
        var outcome = new BatchOutcome(rows.Records, rows.Domains.Count, rows.Evidence.Count, created);
        // A connection lost during COMMIT leaves its outcome unknown: the caller asks the database by these ids.
        InDoubt = new PendingCommit(proteinIds, outcome);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        InDoubt = null;
        return outcome;
    }

    /// <summary>
    /// The rows of the chains to write. Protein rows (their process_parameters JSON) and evidence rows (their scores) are
    /// made while the COPY sends them, so the client's work overlaps the server's; each lands in <see cref="WrittenRows"/>
    /// as it is sent.
    /// </summary>
    private (WrittenRows Rows, IEnumerable<ProteinRow> Proteins, IEnumerable<EvidenceRow> Evidence) BuildRows(List<ChainPlan> plans, long[] proteinIds, long[] domainIds)
    {
        var rows = new WrittenRows();
        var proteins = new List<(ChainPlan Plan, long Id, DateTime Timestamp)>();
        var evidence = new List<(PartitionDomain Domain, long DomainId, IReadOnlyList<SupportingHit> Support)>();
        int nextDomain = 0, nextProtein = 0;
        foreach (var plan in plans)
        {
            if (!plan.Write) { rows.Records.Add(plan.Record); continue; }
            var id = proteinIds[nextProtein++];
            proteins.Add((plan, id, _clock.Next(plan.LatestExisting)));
            var domains = plan.Chain.Result!.Domains;
            var domainStart = rows.Domains.Count;
            for (var d = 0; d < domains.Count; d++)
            {
                var domainId = domainIds[nextDomain++];
                var support = d < plan.Chain.Support.Count ? plan.Chain.Support[d] : [];
                rows.Domains.Add(PartitionRowMapper.Domain(domains[d], domainId, id, support));
                evidence.Add((domains[d], domainId, support));
            }
            rows.DomainIndex[id] = (domainStart, domains.Count);
            rows.Records.Add(plan.Record with { PartitionProteinId = id });
        }
        return (rows, ProteinRows(rows, proteins), EvidenceRows(rows, evidence));
    }

    private IEnumerable<ProteinRow> ProteinRows(WrittenRows rows, List<(ChainPlan Plan, long Id, DateTime Timestamp)> proteins)
    {
        foreach (var (plan, id, timestamp) in proteins)
        {
            var parameters = ProcessParameters.Build(plan.Chain, options, plan.Revision, timestamp);
            var row = PartitionRowMapper.Protein(plan.Chain, id, plan.BatchId, options.ProcessVersion, options.ReferenceVersion, timestamp,
                parameters, options.Provenance.GitCommit);
            rows.Proteins.Add(row);
            yield return row;
        }
    }

    private IEnumerable<EvidenceRow> EvidenceRows(WrittenRows rows, List<(PartitionDomain Domain, long DomainId, IReadOnlyList<SupportingHit> Support)> domains)
    {
        foreach (var (domain, domainId, support) in domains)
            foreach (var row in PartitionRowMapper.Evidence(domain, domainId, support, _scorer))
            {
                rows.Evidence.Add(row);
                yield return row;
            }
    }

    private TrackedChain Track(ChainPlan plan)
    {
        var chain = plan.Chain;
        var r = chain.Result!;
        var relative = chain.BatchDirectory is not null && chain.Candidate.Path is { } path ? Path.GetRelativePath(chain.BatchDirectory, path) : null;
        return new TrackedChain(r.ProteinId, r.Protein.Pdb, r.Protein.Chain, r.SequenceLength, r.Sequence, PartitionRowMapper.SequenceMd5(r.Sequence),
            plan.BatchId, _folders.IsRepresentative(chain), relative, chain.Candidate.Path, chain.SummaryPath,
            chain.SummaryPath is { } summary ? Inputs.BatchLayout.DefaultBlastPath(summary, r.Protein) : null,
            chain.BatchDirectory is { } batch ? Path.GetFullPath(batch) : null);
    }

    /// <summary>An older schema's optimization_actions of type text gets the actions joined with "; " (readers expect text[]).</summary>
    private static async Task<IReadOnlySet<string>> JoinedDomainArraysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT data_type FROM information_schema.columns
            WHERE table_schema = 'pdb_analysis' AND table_name = 'partition_domains' AND column_name = 'optimization_actions'
            """, connection, transaction);
        var type = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return type is "text" or "character varying" ? new HashSet<string> { "optimization_actions" } : NoJoinedArrays;
    }

    private async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long[] proteinIds, CancellationToken cancellationToken)
    {
        var evidence = SqlIdentifier.Qualified(ProductionSchema.AnalysisSchema, options.EvidenceTable);
        await SqlCommands.ExecuteAsync(connection, transaction,
            $"DELETE FROM {evidence} WHERE domain_id IN (SELECT id FROM pdb_analysis.partition_domains WHERE protein_id = ANY(@ids))",
            cancellationToken, ("ids", proteinIds)).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM pdb_analysis.partition_domains WHERE protein_id = ANY(@ids)", cancellationToken, ("ids", proteinIds)).ConfigureAwait(false);
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM pdb_analysis.partition_proteins WHERE id = ANY(@ids)", cancellationToken, ("ids", proteinIds)).ConfigureAwait(false);
    }

    /// <summary>Ids from the id columns' sequences (serial or identity) of partition_proteins and partition_domains, in one round trip.</summary>
    private static async Task<(long[] Proteins, long[] Domains)> AllocateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        int proteins, int domains, CancellationToken cancellationToken)
    {
        if (proteins == 0 && domains == 0) return ([], []);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (table, count) in new[] { ("pdb_analysis.partition_proteins", proteins), ("pdb_analysis.partition_domains", domains) })
        {
            var command = new NpgsqlBatchCommand("SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = table });
            command.Parameters.Add(new NpgsqlParameter { Value = count });
            batch.BatchCommands.Add(command);
        }
        var ids = (Proteins: new long[proteins], Domains: new long[domains]);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        foreach (var target in new[] { ids.Proteins, ids.Domains })
        {
            var i = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) target[i++] = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }
        return ids;
    }
}
