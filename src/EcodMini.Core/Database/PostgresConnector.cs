using System.Net.Sockets;
using EcodMini.Core.Configuration;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Connections to the production database built from the configuration's <c>database:</c> section: pooling,
/// timeouts and TLS from the settings, the password from the environment variable the settings name. Failures
/// become <see cref="DatabaseConnectionException"/> naming host, port, database and user with the server's message;
/// the password never appears in a message or in <see cref="ToString"/>. Thread-safe (one pooled data source).
/// </summary>
public sealed class PostgresConnector : IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresConnector(DatabaseSettings settings, Func<string, string?>? environment = null)
    {
        Settings = settings;
        var password = settings.ResolvePassword(environment);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = settings.Host,
            Port = settings.Port,
            Database = settings.Database,
            Username = settings.User,
            Password = password,
            Pooling = settings.Pooling,
            MaxPoolSize = settings.MaxPoolSize,
            Timeout = settings.ConnectTimeout,
            CommandTimeout = settings.CommandTimeout,
            SslMode = ParseSslMode(settings.SslMode),
            ApplicationName = "EcodMini",
            IncludeErrorDetail = false,
        };
        if (!string.IsNullOrEmpty(settings.SslRootCert)) builder.RootCertificate = settings.SslRootCert;
        HasPassword = password is not null;
        _dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    public DatabaseSettings Settings { get; }
    /// <summary>Whether the password variable was set (its value is never exposed).</summary>
    public bool HasPassword { get; }
    /// <summary><c>user@host:port/database</c>.</summary>
    public string Target => Settings.Describe();

    /// <summary>Opens a pooled connection; throws <see cref="DatabaseConnectionException"/> when it cannot.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or IOException
                                   or System.Security.Authentication.AuthenticationException)
        {
            throw new DatabaseConnectionException(DescribeFailure(ex), ex);
        }
    }

    public NpgsqlConnection Open(CancellationToken cancellationToken = default) => OpenAsync(cancellationToken).GetAwaiter().GetResult();

    /// <summary>A message for a failed connection: where, as whom, and what the server or network said.</summary>
    public string DescribeFailure(Exception ex)
    {
        var reason = ex switch
        {
            PostgresException pg => $"{pg.MessageText} (SQLSTATE {pg.SqlState})",
            NpgsqlException { InnerException: { } inner } when ex.Message.StartsWith("Failed to connect", StringComparison.Ordinal) => inner.Message,
            _ => ex.Message,
        };
        var hint = HasPassword ? "" : $"; the password variable {Settings.PasswordEnv} is not set";
        if (IsTlsRefusal(ex))
            hint += $"; database.ssl_mode is {Settings.SslMode} and this server did not set up TLS: enable TLS on the server, or, for a server " +
                    "that cannot use TLS, set ssl_mode: disable in the database section (the connection is then unencrypted)";
        return $"Cannot connect to PostgreSQL database '{Settings.Database}' on {Settings.Host}:{Settings.Port} as user '{Settings.User}': {reason}{hint}";
    }

    public override string ToString() => Target;

    /// <summary>The failure is the server refusing (or lacking) TLS while the settings require it.</summary>
    private bool IsTlsRefusal(Exception ex)
    {
        if (ParseSslMode(Settings.SslMode) is SslMode.Disable or SslMode.Allow or SslMode.Prefer) return false;
        for (var e = ex; e is not null; e = e.InnerException)
            if (e.Message.Contains("SSL", StringComparison.Ordinal) || e.Message.Contains("TLS", StringComparison.Ordinal)) return true;
        return false;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public void Dispose() => _dataSource.Dispose();

    private static SslMode ParseSslMode(string mode) => mode.ToLowerInvariant() switch
    {
        "disable" => SslMode.Disable,
        "allow" => SslMode.Allow,
        "prefer" => SslMode.Prefer,
        "require" => SslMode.Require,
        "verify-ca" => SslMode.VerifyCA,
        "verify-full" => SslMode.VerifyFull,
        _ => throw new ArgumentException($"database.ssl_mode: '{mode}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
    };
}
