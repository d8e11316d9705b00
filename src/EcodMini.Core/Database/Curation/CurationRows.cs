using Npgsql;

namespace EcodMini.Core.Database.Curation;

/// <summary>The set-based statements behind <see cref="CurationStaging"/>, one per ecod_curation table.</summary>
internal static class CurationRows
{
    public static CurationProtein Protein(ProteinRow row, ChainPlan plan)
    {
        var r = plan.Chain.Result!;
        var quality = CurationValues.PartitionQuality(r.DomainCount, plan.Chain.Grade);
        var (priority, reason) = CurationValues.Priority(r.MeanDomainConfidence(), quality);
        return new CurationProtein(r.ProteinId, r.Protein.Pdb, r.Protein.Chain, r.Sequence ?? "", r.SequenceLength, row.SequenceMd5,
            r.Timestamp == default ? row.Timestamp : r.Timestamp.UtcDateTime, row.ProcessVersion, row.Coverage, r.DomainCount, quality,
            !row.IsPeptide, row.IsPeptide ? "peptide" : null, priority, reason);
    }

    /// <summary>Inserts new proteins, refreshes pending ones; returns source_id -> id of the pending (writable) ones.</summary>
    public static async Task<Dictionary<string, int>> UpsertProteinsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<CurationProtein> proteins, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO ecod_curation.protein AS p (source_id, pdb_id, chain_id, release_date, sequence, sequence_length, sequence_md5,
                processed_at, processing_version, partition_coverage, domain_count, partition_quality, can_curate, cannot_curate_reason,
                curation_status)
            SELECT DISTINCT ON (k.src) k.src, k.pdb, k.chain, current_date, k.seq, k.len, k.md5, k.at, k.version, k.coverage, k.domains,
                   k.quality, k.can, k.reason, 'pending'
            FROM unnest(@src::text[], @pdb::text[], @chain::text[], @seq::text[], @len::int[], @md5::text[], @at::timestamp[], @version::text[],
                        @coverage::real[], @domains::int[], @quality::text[], @can::boolean[], @reason::text[])
                 AS k(src, pdb, chain, seq, len, md5, at, version, coverage, domains, quality, can, reason)
            ON CONFLICT (source_id) DO UPDATE SET sequence = CASE WHEN EXCLUDED.sequence <> '' THEN EXCLUDED.sequence ELSE p.sequence END,
                sequence_length = EXCLUDED.sequence_length, sequence_md5 = COALESCE(EXCLUDED.sequence_md5, p.sequence_md5),
                processed_at = EXCLUDED.processed_at, processing_version = EXCLUDED.processing_version,
                partition_coverage = EXCLUDED.partition_coverage, domain_count = EXCLUDED.domain_count,
                partition_quality = EXCLUDED.partition_quality, can_curate = EXCLUDED.can_curate, cannot_curate_reason = EXCLUDED.cannot_curate_reason
            WHERE p.curation_status = 'pending'
            RETURNING p.source_id, p.id
            """, connection, transaction);
        command.Parameters.AddWithValue("src", proteins.Select(p => p.SourceId).ToArray());
        command.Parameters.AddWithValue("pdb", proteins.Select(p => p.Pdb).ToArray());
        command.Parameters.AddWithValue("chain", proteins.Select(p => p.Chain).ToArray());
        command.Parameters.AddWithValue("seq", proteins.Select(p => p.Sequence).ToArray());
        command.Parameters.AddWithValue("len", proteins.Select(p => p.SequenceLength).ToArray());
        command.Parameters.AddWithValue("md5", proteins.Select(p => p.SequenceMd5).ToArray());
        command.Parameters.AddWithValue("at", proteins.Select(p => DateTime.SpecifyKind(p.ProcessedAt, DateTimeKind.Unspecified)).ToArray());
        command.Parameters.AddWithValue("version", proteins.Select(p => p.ProcessingVersion).ToArray());
        command.Parameters.AddWithValue("coverage", proteins.Select(p => p.Coverage).ToArray());
        command.Parameters.AddWithValue("domains", proteins.Select(p => p.DomainCount).ToArray());
        command.Parameters.AddWithValue("quality", proteins.Select(p => p.Quality).ToArray());
        command.Parameters.AddWithValue("can", proteins.Select(p => p.CanCurate).ToArray());
        command.Parameters.AddWithValue("reason", proteins.Select(p => p.CannotCurateReason).ToArray());
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) ids[reader.GetString(0)] = reader.GetInt32(1);
        return ids;
    }

    /// <summary>Inserts automated assignments; returns partition_domains id -> domain_assignment id.</summary>
    public static async Task<Dictionary<long, int>> InsertAssignmentsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<(int ProteinId, DomainRow Domain, string CreatedBy)> rows, CancellationToken cancellationToken)
    {
        var map = new Dictionary<long, int>();
        if (rows.Count == 0) return map;
        await using var command = new NpgsqlCommand("""
            INSERT INTO ecod_curation.domain_assignment (protein_id, domain_number, start_pos, end_pos, residue_range, assigned_t_group,
                assigned_h_group, assigned_x_group, best_match_ecod_domain_id, assignment_method, classification_level, confidence, source, created_by)
            SELECT k.protein, k.num, k.start, k.stop, k.range, k.t, k.h, k.x, k.best, k.method, k.level, k.confidence, 'automated', k.who
            FROM unnest(@protein::int[], @num::int[], @start::int[], @stop::int[], @range::text[], @t::text[], @h::text[], @x::text[],
                        @best::text[], @method::text[], @level::text[], @confidence::real[], @who::text[])
                 AS k(protein, num, start, stop, range, t, h, x, best, method, level, confidence, who)
            RETURNING protein_id, domain_number, id
            """, connection, transaction);
        command.Parameters.AddWithValue("protein", rows.Select(r => r.ProteinId).ToArray());
        command.Parameters.AddWithValue("num", rows.Select(r => r.Domain.DomainNumber).ToArray());
        command.Parameters.AddWithValue("start", rows.Select(r => r.Domain.StartPos).ToArray());
        command.Parameters.AddWithValue("stop", rows.Select(r => r.Domain.EndPos).ToArray());
        command.Parameters.AddWithValue("range", rows.Select(r => r.Domain.Range).ToArray());
        command.Parameters.AddWithValue("t", rows.Select(r => r.Domain.TGroup).ToArray());
        command.Parameters.AddWithValue("h", rows.Select(r => r.Domain.HGroup).ToArray());
        command.Parameters.AddWithValue("x", rows.Select(r => r.Domain.XGroup).ToArray());
        command.Parameters.AddWithValue("best", rows.Select(r => r.Domain.HitEcodDomainId).ToArray());
        command.Parameters.AddWithValue("method", rows.Select(r => CurationValues.AssignmentMethod(r.Domain.Source)).ToArray());
        command.Parameters.AddWithValue("level", rows.Select(r => CurationValues.ClassificationLevel(r.Domain.TGroup, r.Domain.HGroup, r.Domain.XGroup)).ToArray());
        command.Parameters.AddWithValue("confidence", rows.Select(r => Math.Clamp(r.Domain.Confidence, 0f, 1f)).ToArray());
        command.Parameters.AddWithValue("who", rows.Select(r => r.CreatedBy).ToArray());
        var byKey = rows.ToDictionary(r => (r.ProteinId, r.Domain.DomainNumber), r => r.Domain.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            map[byKey[(reader.GetInt32(0), reader.GetInt32(1))]] = reader.GetInt32(2);
        return map;
    }

    public static async Task InsertEvidenceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<(int CurationDomainId, EvidenceRow Evidence)> rows, IReadOnlyDictionary<long, string?> summaries, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        static string? Pdb(string? pdb) => pdb is { Length: <= 4 } ? pdb : null;
        await SqlCommands.ExecuteAsync(connection, transaction, """
            INSERT INTO ecod_curation.domain_evidence (domain_id, evidence_type, hit_ecod_domain_id, hit_pdb_id, hit_chain_id, evalue, score,
                query_range, hit_range, ref_t_group, ref_h_group, ref_x_group, source_file)
            SELECT * FROM unnest(@domain::int[], @type::text[], @hit::text[], @pdb::text[], @chain::text[], @evalue::real[], @score::real[],
                                 @query::text[], @target::text[], @t::text[], @h::text[], @x::text[], @file::text[])
            """, cancellationToken,
            ("domain", rows.Select(r => r.CurationDomainId).ToArray()),
            ("type", rows.Select(r => CurationValues.EvidenceType(r.Evidence.EvidenceType)!).ToArray()),
            ("hit", rows.Select(r => r.Evidence.DomainRefId).ToArray()),
            ("pdb", rows.Select(r => Pdb(r.Evidence.PdbId)).ToArray()),
            ("chain", rows.Select(r => r.Evidence.ChainId).ToArray()),
            ("evalue", rows.Select(r => r.Evidence.Evalue is { } e ? (float?)e : null).ToArray()),
            ("score", rows.Select(r => r.Evidence.Score).ToArray()),
            ("query", rows.Select(r => r.Evidence.QueryRange).ToArray()),
            ("target", rows.Select(r => r.Evidence.HitRange).ToArray()),
            ("t", rows.Select(r => r.Evidence.TGroup).ToArray()),
            ("h", rows.Select(r => r.Evidence.HGroup).ToArray()),
            ("x", rows.Select(r => r.Evidence.XGroup).ToArray()),
            ("file", rows.Select(r => summaries.GetValueOrDefault(r.Evidence.DomainId)).ToArray())).ConfigureAwait(false);
    }

    /// <summary>Adds pending proteins to the queue; an entry still pending gets the new priority, one a curator took keeps its own.</summary>
    public static async Task UpsertQueueAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<CurationProtein> proteins,
        IReadOnlyDictionary<string, int> ids, CancellationToken cancellationToken)
    {
        if (proteins.Count == 0) return;
        await SqlCommands.ExecuteAsync(connection, transaction, """
            INSERT INTO ecod_curation.curation_queue AS q (protein_id, priority, priority_reason, status)
            SELECT DISTINCT ON (k.protein) k.protein, k.priority, k.reason, 'pending' FROM unnest(@protein::int[], @priority::int[], @reason::text[]) AS k(protein, priority, reason)
            ON CONFLICT (protein_id) DO UPDATE SET priority = EXCLUDED.priority, priority_reason = EXCLUDED.priority_reason
            WHERE q.status = 'pending'
            """, cancellationToken,
            ("protein", proteins.Select(p => ids[p.SourceId]).ToArray()),
            ("priority", proteins.Select(p => p.Priority).ToArray()),
            ("reason", proteins.Select(p => p.PriorityReason).ToArray())).ConfigureAwait(false);
    }
}
