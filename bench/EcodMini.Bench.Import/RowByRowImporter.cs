using EcodMini.Core.Database;
using Npgsql;

namespace EcodMini.Bench.Import;

/// <summary>
/// The baseline the original importer used: one INSERT per row (protein, then each domain with RETURNING id, then
/// its evidence), one transaction per chain, prepared statements. Same rows as the COPY path (same mapper).
/// </summary>
internal static class RowByRowImporter
{
    public static (int Proteins, int Domains) Import(NpgsqlConnection connection, IReadOnlyList<LoadedChain> chains, string processVersion, string referenceVersion)
    {
        var protein = Insert(connection, "pdb_analysis.partition_proteins", PartitionRows.ProteinColumns.Where(c => c.Name != "id").ToList(), returning: true);
        var domain = Insert(connection, "pdb_analysis.partition_domains", PartitionRows.DomainColumns.Where(c => c.Name != "id").ToList(), returning: true);
        var evidence = Insert(connection, "pdb_analysis.domain_evidence", PartitionRows.EvidenceColumns.ToList(), returning: false);
        int proteins = 0, domains = 0;
        var clock = new RowClock();
        foreach (var chain in chains)
        {
            using var transaction = connection.BeginTransaction();
            var row = PartitionRowMapper.Protein(chain, 0, null, processVersion, referenceVersion, clock.Next(), "{}", BuildInfo.GitCommit);
            var proteinId = Convert.ToInt64(Run(protein, PartitionRows.ProteinColumns.Where(c => c.Name != "id"), row, transaction));
            var list = chain.Result!.Domains;
            for (var i = 0; i < list.Count; i++)
            {
                var support = i < chain.Support.Count ? chain.Support[i] : [];
                var domainId = Convert.ToInt64(Run(domain, PartitionRows.DomainColumns.Where(c => c.Name != "id"), PartitionRowMapper.Domain(list[i], 0, proteinId, support), transaction));
                foreach (var e in PartitionRowMapper.Evidence(list[i], domainId, support, EvidenceScorer.WithoutReference)) Run(evidence, PartitionRows.EvidenceColumns, e, transaction);
                domains++;
            }
            transaction.Commit();
            proteins++;
        }
        return (proteins, domains);
    }

    private static NpgsqlCommand Insert<T>(NpgsqlConnection connection, string table, List<StagingColumn<T>> columns, bool returning)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", columns.Select((_, i) => $"${i + 1}"));
        var command = new NpgsqlCommand($"INSERT INTO {table} ({names}) VALUES ({values}){(returning ? " RETURNING id" : "")}", connection);
        foreach (var c in columns) command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = c.DbType });
        return command;
    }

    private static object? Run<T>(NpgsqlCommand command, IEnumerable<StagingColumn<T>> columns, T row, NpgsqlTransaction transaction)
    {
        command.Transaction = transaction;
        var i = 0;
        foreach (var c in columns) command.Parameters[i++].Value = c.Value(row) ?? DBNull.Value;
        return command.ExecuteScalar();
    }
}
