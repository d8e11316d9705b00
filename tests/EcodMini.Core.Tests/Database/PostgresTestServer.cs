using EcodMini.Core.Configuration;
using Npgsql;

namespace EcodMini.Core.Tests.Database;

/// <summary>The test server from the ECOD_TEST_PG_* variables that tools/services/postgres.sh prints.</summary>
public static class PostgresTestServer
{
    public const string PasswordVariable = "ECOD_TEST_PG_PASSWORD";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool Configured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ECOD_TEST_PG_HOST"));

    /// <summary>Why a PostgreSQL test is skipped outside CI without a server; null when it runs (always under CI=true, so a missing server fails it).</summary>
    public static string? SkipReason => Configured || InCi ? null
        : "PostgreSQL tests skipped: ECOD_TEST_PG_HOST is not set (run: eval \"$(tools/services/postgres.sh)\"); under CI=true they fail instead";

    /// <summary>Settings for a database on the test server (the password stays in its environment variable).</summary>
    public static DatabaseSettings Settings(string? database = null)
    {
        if (!Configured)
            throw new InvalidOperationException("CI=true but no test PostgreSQL server: ECOD_TEST_PG_HOST is not set (tools/services/postgres.sh did not run or failed)");
        return new DatabaseSettings
        {
            Host = Environment.GetEnvironmentVariable("ECOD_TEST_PG_HOST")!,
            Port = int.Parse(Environment.GetEnvironmentVariable("ECOD_TEST_PG_PORT") ?? "5432", System.Globalization.CultureInfo.InvariantCulture),
            User = Environment.GetEnvironmentVariable("ECOD_TEST_PG_USER") ?? "ecodmini_test",
            Database = database ?? Environment.GetEnvironmentVariable("ECOD_TEST_PG_DATABASE") ?? "ecodmini_test",
            PasswordEnv = PasswordVariable,
            SslMode = "disable",
            ConnectTimeout = 5,
        };
    }

    public static NpgsqlConnection OpenAdmin() => Open(Settings());

    public static NpgsqlConnection Open(DatabaseSettings settings)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = settings.Host, Port = settings.Port, Database = settings.Database, Username = settings.User,
            Password = Environment.GetEnvironmentVariable(PasswordVariable), Pooling = false, Timeout = 5,
        };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        return connection;
    }
}
