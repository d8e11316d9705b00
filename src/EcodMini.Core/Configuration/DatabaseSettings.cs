namespace EcodMini.Core.Configuration;

/// <summary>
/// The PostgreSQL production database. The password is never part of the configuration: it is read from the
/// environment variable named by <see cref="PasswordEnv"/> when <see cref="ResolvePassword"/> is called.
/// </summary>
public sealed record DatabaseSettings
{
    public string Host { get; init; } = "localhost";
    public int Port { get; init; } = 5432;
    public string Database { get; init; } = "ecod_protein";
    public string User { get; init; } = "ecod";
    public string PasswordEnv { get; init; } = "ECOD_DB_PASSWORD";
    /// <summary>disable, allow, prefer, require, verify-ca or verify-full (libpq's sslmode names).</summary>
    public string SslMode { get; init; } = "require";
    /// <summary>A CA certificate file for verify-ca / verify-full; null uses the system's trust store.</summary>
    public string? SslRootCert { get; init; }
    public bool Pooling { get; init; } = true;
    public int MaxPoolSize { get; init; } = 10;
    /// <summary>Seconds to wait for a connection.</summary>
    public int ConnectTimeout { get; init; } = 15;
    /// <summary>Seconds one statement may run (0 = no limit).</summary>
    public int CommandTimeout { get; init; } = 300;
    /// <summary>The evidence table in pdb_analysis (the live schema's name; older notes call it partition_evidence).</summary>
    public string EvidenceTable { get; init; } = "domain_evidence";

    /// <summary>The password from the environment variable named by PasswordEnv, or null when it is not set.</summary>
    public string? ResolvePassword(Func<string, string?>? environment = null) =>
        (environment ?? Environment.GetEnvironmentVariable)(PasswordEnv);

    /// <summary><c>user@host:port/database</c>, for messages (never the password).</summary>
    public string Describe() => $"{User}@{Host}:{Port}/{Database}";
}
