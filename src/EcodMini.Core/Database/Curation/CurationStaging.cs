using Npgsql;

namespace EcodMini.Core.Database.Curation;

/// <summary>
/// Fills the ecod_curation staging schema (pyecod_vis's contract) for the chains one import batch wrote, in the import's
/// transaction: the protein (upserted by source_id), its automated domain assignments with their evidence, and its
/// curation_queue entry (evidence without the partition's own row where a supporting hit repeats it). Idempotent, and curators' work is never overwritten: a protein whose curation_status is not
/// pending keeps its row, assignments and queue entry untouched; a pending one has its automated assignments replaced.
/// </summary>
internal static class CurationStaging
{
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ChainPlan> written, WrittenRows rows,
        CancellationToken cancellationToken)
    {
        var proteins = rows.Proteins.Zip(written, (row, plan) => CurationRows.Protein(row, plan)).ToList();
        if (proteins.Count == 0) return;
        var pending = await CurationRows.UpsertProteinsAsync(connection, transaction, proteins, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0) return;
        await SqlCommands.ExecuteAsync(connection, transaction, "DELETE FROM ecod_curation.domain_assignment WHERE protein_id = ANY(@ids)",
            cancellationToken, ("ids", pending.Values.ToArray())).ConfigureAwait(false);

        var assignments = new List<(int ProteinId, DomainRow Domain, string CreatedBy)>();
        var staged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, plan) in rows.Proteins.Zip(written))
        {
            // A chain written under two batches in one import is staged once (the protein is one row there).
            if (!pending.TryGetValue(plan.Chain.ProteinId, out var curationId) || !staged.Add(plan.Chain.ProteinId)) continue;
            var (start, count) = rows.DomainIndex[row.Id];
            for (var i = start; i < start + count; i++) assignments.Add((curationId, rows.Domains[i], row.ProcessVersion));
        }
        var domainIds = await CurationRows.InsertAssignmentsAsync(connection, transaction, assignments, cancellationToken).ConfigureAwait(false);
        var evidence = WithoutRepeatedPrimary(rows.Evidence.Where(e => domainIds.ContainsKey(e.DomainId) && CurationValues.EvidenceType(e.EvidenceType) is not null))
            .Select(e => (CurationDomainId: domainIds[e.DomainId], Evidence: e)).ToList();
        var summaries = rows.Proteins.Zip(written).SelectMany(x => rows.Domains.Skip(rows.DomainIndex[x.First.Id].Start).Take(rows.DomainIndex[x.First.Id].Count)
            .Select(d => (d.Id, x.Second.Chain.SummaryPath))).ToDictionary(x => x.Id, x => x.SummaryPath);
        await CurationRows.InsertEvidenceAsync(connection, transaction, evidence, summaries, cancellationToken).ConfigureAwait(false);
        await CurationRows.UpsertQueueAsync(connection, transaction, proteins.Where(p => pending.ContainsKey(p.SourceId)).ToList(), pending, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// A domain's evidence without its first row (the partition's own evidence) when a supporting hit of the same staged
    /// type names the same reference domain: the curator sees that hit once, with its own ranges.
    /// </summary>
    private static IEnumerable<EvidenceRow> WithoutRepeatedPrimary(IEnumerable<EvidenceRow> evidence) =>
        evidence.GroupBy(e => e.DomainId).SelectMany(domain =>
        {
            var primary = domain.First();
            var repeated = domain.Skip(1).Any(e => e.DomainRefId == primary.DomainRefId &&
                                                   CurationValues.EvidenceType(e.EvidenceType) == CurationValues.EvidenceType(primary.EvidenceType));
            return repeated ? domain.Skip(1) : domain;
        });
}
