using EcodMini.Core.Monitoring;
using EcodMini.Core.RunComparison;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// The chains one process version holds in pdb_analysis.partition_proteins, with their domains (range, T-group,
/// H-group) and a quality grade by coverage, as one side of a run comparison. Read-only.
/// </summary>
public static class ProcessVersionReader
{
    public static async Task<IReadOnlyList<ChainSnapshot>> ReadAsync(PostgresConnector connector, string processVersion,
        QualityThresholds thresholds, CancellationToken cancellationToken = default)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT pp.pdb_id, pp.chain_id, COALESCE(b.batch_name, ''), COALESCE(pp.coverage, 0),
                   string_agg(pd.range || '|' || COALESCE(pd.t_group, '') || '|' || COALESCE(pd.h_group, ''), E'\n' ORDER BY pd.domain_number)
            FROM pdb_analysis.partition_proteins pp
            LEFT JOIN ecod_schema.batch b ON b.id = pp.batch_id
            LEFT JOIN pdb_analysis.partition_domains pd ON pd.protein_id = pp.id
            WHERE pp.process_version = $1
            GROUP BY pp.id, b.batch_name ORDER BY pp.id
            """, connection);
        command.Parameters.AddWithValue(processVersion);
        var chains = new List<ChainSnapshot>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var coverage = Convert.ToDouble(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture);
                var domains = SnapshotDomain.ParseLines(reader.IsDBNull(4) ? null : reader.GetString(4));
                chains.Add(new ChainSnapshot
                {
                    ProteinId = $"{reader.GetString(0)}_{reader.GetString(1)}", BatchName = reader.GetString(2), Coverage = coverage,
                    Quality = thresholds.Grade(coverage), Domains = domains,
                });
            }
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
        {
            throw new DatabaseSchemaException($"{connector.Target}: cannot read process version '{processVersion}': {ex.MessageText}",
                ["pdb_analysis.partition_proteins.process_version", "pdb_analysis.partition_domains.range"]);
        }
        return chains;
    }
}
