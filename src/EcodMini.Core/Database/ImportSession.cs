using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>The import's one open connection, replaced after a broken one (a killed backend, a network drop).</summary>
internal sealed class ImportSession(PostgresConnector connector) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    public async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open }) return _connection;
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        _connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        return _connection;
    }

    /// <summary>Drops the connection when it is no longer usable, so the next call opens a fresh one.</summary>
    public void ResetIfBroken()
    {
        if (_connection is null || _connection.FullState == System.Data.ConnectionState.Open) return;
        _connection.Dispose();
        _connection = null;
    }

    /// <summary>Drops the connection whatever its state (after a lost connection, whose state may still read Open).</summary>
    public async Task ResetAsync()
    {
        if (_connection is null) return;
        try { await _connection.DisposeAsync().ConfigureAwait(false); }
        catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException) { }
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
