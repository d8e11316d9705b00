using EcodMini.Core.Configuration;
using EcodMini.Core.Database;
using Npgsql;

namespace EcodMini.Core.Tests.Database;

/// <summary>A database of its own for one test on the test server, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public PostgresTestDatabase(bool initialize = true, string evidenceTable = ProductionSchema.DefaultEvidenceTable)
    {
        Name = "ecodmini_t_" + Guid.NewGuid().ToString("N")[..12];
        using (var admin = PostgresTestServer.OpenAdmin())
        using (var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin))
            create.ExecuteNonQuery();
        Settings = PostgresTestServer.Settings(Name) with { EvidenceTable = evidenceTable };
        Connector = new PostgresConnector(Settings);
        if (initialize) DatabaseInitializer.InitializeAsync(Connector, evidenceTable).GetAwaiter().GetResult();
    }

    public string Name { get; }
    public DatabaseSettings Settings { get; }
    public PostgresConnector Connector { get; }

    public NpgsqlConnection Open() => PostgresTestServer.Open(Settings);

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar());
    }

    public string? Text(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar() as string;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Connector.Dispose();
        NpgsqlConnection.ClearAllPools();
        using var admin = PostgresTestServer.OpenAdmin();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }
}
