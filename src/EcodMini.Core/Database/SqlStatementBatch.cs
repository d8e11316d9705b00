using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Parameterised statements sent to the server in one round trip (an <see cref="NpgsqlBatch"/>) and run there in the
/// order added, inside the caller's transaction; the first failing statement fails the whole batch.
/// </summary>
internal sealed class SqlStatementBatch
{
    private readonly List<(string Sql, (string Name, object Value)[] Parameters)> _statements = [];

    public void Add(string sql, params (string Name, object Value)[] parameters) => _statements.Add((sql, parameters));

    public async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (_statements.Count == 0) return;
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, parameters) in _statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        _statements.Clear();
    }
}
