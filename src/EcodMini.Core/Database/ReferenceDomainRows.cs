using EcodMini.Core.Inputs;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// pdb_analysis.domain rows for the reference domains the imported evidence names (source_id, domain_ref_id or hit_id),
/// taken from the reference library (range, first and last residue, groups, chain, length) and inserted only where the
/// table has no row with that ecod_domain_id: the
/// dashboard's protein page joins evidence to this table to show the reference domains. A production table that already
/// holds the ECOD domains gains nothing; without a reference library nothing is written.
/// </summary>
internal static class ReferenceDomainRows
{
    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ReferenceData? reference,
        IEnumerable<EvidenceRow> evidence, CancellationToken cancellationToken)
    {
        if (reference is null) return;
        var domains = evidence.SelectMany(e => new[] { e.SourceId, e.DomainRefId, e.HitId })
            .Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal)
            .Select(id => reference.DomainById(id!)).OfType<ReferenceDomain>().ToList();
        if (domains.Count == 0) return;
        await SqlCommands.ExecuteAsync(connection, transaction, """
            INSERT INTO pdb_analysis.domain (domain_id, ecod_domain_id, range, start_pos, end_pos, t_group, h_group, x_group, chain_id, length)
            SELECT k.id, k.id, k.range, k.first, k.last, k.t, k.h, k.x, k.chain, k.len
            FROM unnest(@id::text[], @range::text[], @first::int[], @last::int[], @t::text[], @h::text[], @x::text[], @chain::text[], @len::int[])
                 AS k(id, range, first, last, t, h, x, chain, len)
            WHERE NOT EXISTS (SELECT 1 FROM pdb_analysis.domain d WHERE d.ecod_domain_id = k.id)
            """, cancellationToken,
            ("id", domains.Select(d => d.DomainId).ToArray()), ("range", domains.Select(d => d.Range.ToString()).ToArray()),
            ("first", domains.Select(d => d.Range.Start).ToArray()), ("last", domains.Select(d => d.Range.End).ToArray()),
            ("t", domains.Select(d => d.TGroup).ToArray()), ("h", domains.Select(d => d.HGroup).ToArray()),
            ("x", domains.Select(d => EvidenceScorer.XGroup(d.HGroup, d.TGroup)).ToArray()), ("chain", domains.Select(d => d.Chain).ToArray()),
            ("len", domains.Select(d => d.Length > 0 ? d.Length : d.Range.TotalLength).ToArray())).ConfigureAwait(false);
    }
}
