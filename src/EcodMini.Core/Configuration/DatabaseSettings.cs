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

    /// <summary>The password from the environment variable named by PasswordEnv, or null when it is not set.</summary>
    public string? ResolvePassword(Func<string, string?>? environment = null) =>
        (environment ?? Environment.GetEnvironmentVariable)(PasswordEnv);
}
