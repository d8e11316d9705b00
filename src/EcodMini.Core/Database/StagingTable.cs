using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// A temporary table that mirrors a target table's staged columns: rows go in by binary COPY, then into the target
/// with one set-based <c>INSERT ... SELECT</c>. Emptied at commit (ON COMMIT DELETE ROWS), so one definition serves
/// every batch on a connection. Work happens inside the caller's transaction; nothing here commits.
/// Rows reach the target in the order they were copied (a serial ordinal column, not the heap's scan order, which
/// PostgreSQL does not promise), so ids the target assigns follow the staged order: a domain's primary evidence row
/// keeps the lowest id.
/// </summary>
public sealed class StagingTable<TRow>(string name, string target, IReadOnlyList<StagingColumn<TRow>> columns)
{
    private const string Ordinal = "ecodmini_ordinal";
    private readonly string _columnList = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));

    public string Name { get; } = name;

    public async Task CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var definition = string.Join(", ", columns.Select(c => $"\"{c.Name}\" {c.SqlType}").Append($"{Ordinal} bigserial"));
        await using var command = new NpgsqlCommand($"CREATE TEMP TABLE IF NOT EXISTS {Name} ({definition}) ON COMMIT DELETE ROWS", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Binary COPY of the rows; returns the row count the server confirmed.</summary>
    public async Task<ulong> CopyAsync(NpgsqlConnection connection, IEnumerable<TRow> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {Name} ({_columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            foreach (var column in columns)
            {
                var value = column.Value(row);
                if (value is null) await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                else await importer.WriteAsync(value, column.DbType, cancellationToken).ConfigureAwait(false);
            }
        }
        return await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the staged rows into the target table (ids included: they were allocated from its sequence).
    /// <paramref name="expressions"/> replaces the SELECT expression of named columns (e.g. to fit an older column type).
    /// </summary>
    public async Task<int> InsertIntoTargetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? expressions = null)
    {
        var select = expressions is null or { Count: 0 }
            ? _columnList
            : string.Join(", ", columns.Select(c => expressions.TryGetValue(c.Name, out var e) ? e : $"\"{c.Name}\""));
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {target} ({_columnList}) SELECT {select} FROM {Name} ORDER BY {Ordinal}", connection, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
