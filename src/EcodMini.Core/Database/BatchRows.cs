using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// ecod_schema.batch ids by name: the lowest id of each existing name; a missing name gets a row (type
/// <see cref="ProductionSchema.ImportedBatchType"/>, status processing until the import's tracking update completes it) unless <c>create</c> is false.
/// </summary>
public static class BatchRows
{
    public static async Task<(Dictionary<string, int> Ids, int Created)> ResolveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyDictionary<string, string?> namesWithPaths, string referenceVersion, bool create, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        if (namesWithPaths.Count == 0) return (ids, 0);
        await using (var select = new NpgsqlCommand(
            "SELECT batch_name, MIN(id) FROM ecod_schema.batch WHERE batch_name = ANY(@names) GROUP BY batch_name", connection, transaction))
        {
            select.Parameters.AddWithValue("names", namesWithPaths.Keys.ToArray());
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) ids[reader.GetString(0)] = reader.GetInt32(1);
        }
        var missing = namesWithPaths.Keys.Where(n => !ids.ContainsKey(n)).ToArray();
        if (missing.Length == 0 || !create) return (ids, 0);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO ecod_schema.batch (batch_name, base_path, type, ref_version, status, created_at)
            SELECT n, p, @type, @ref, 'processing', now() FROM unnest(@names::text[], @paths::text[]) AS t(n, p)
            RETURNING batch_name, id
            """, connection, transaction);
        insert.Parameters.AddWithValue("type", ProductionSchema.ImportedBatchType);
        insert.Parameters.AddWithValue("ref", referenceVersion);
        insert.Parameters.AddWithValue("names", missing);
        insert.Parameters.AddWithValue("paths", missing.Select(n => namesWithPaths[n]).ToArray());
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) ids[reader.GetString(0)] = reader.GetInt32(1);
        }
        return (ids, missing.Length);
    }
}
