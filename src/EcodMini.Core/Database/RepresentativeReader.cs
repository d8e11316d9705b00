using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Representatives from the production database: the source_id (<c>pdb_chain</c>) of every ecod_schema.protein whose
/// ecod_schema.process_status row has is_representative. Read-only.
/// </summary>
public static class RepresentativeReader
{
    public static async Task<IReadOnlySet<string>> ReadAsync(PostgresConnector connector, CancellationToken cancellationToken = default)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT p.source_id FROM ecod_schema.protein p
            JOIN ecod_schema.process_status s ON s.protein_id = p.id
            WHERE s.is_representative
            """, connection);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                if (!reader.IsDBNull(0)) ids.Add(reader.GetString(0));
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
        {
            throw new DatabaseSchemaException($"{connector.Target}: cannot read representatives: {ex.MessageText}",
                ["ecod_schema.protein.source_id", "ecod_schema.process_status.is_representative"]);
        }
        return ids;
    }
}
