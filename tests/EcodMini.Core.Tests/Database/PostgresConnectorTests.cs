using EcodMini.Core.Database;

namespace EcodMini.Core.Tests.Database;

public sealed class PostgresConnectorTests
{
    private const string WrongPassword = "not-the-password-7f3a";

    [PostgresFact]
    public void AWrongPasswordNamesHostPortDatabaseUserAndTheServerMessageButNeverThePassword()
    {
        var settings = PostgresTestServer.Settings() with { PasswordEnv = "ECOD_TEST_WRONG_PW" };
        using var connector = new PostgresConnector(settings, name => name == "ECOD_TEST_WRONG_PW" ? WrongPassword : null);
        var error = Assert.Throws<DatabaseConnectionException>(() => connector.Open());
        Assert.Contains($"{settings.Host}:{settings.Port}", error.Message);
        Assert.Contains($"'{settings.Database}'", error.Message);
        Assert.Contains($"'{settings.User}'", error.Message);
        Assert.Contains("password authentication failed", error.Message);
        Assert.DoesNotContain(WrongPassword, error.ToString());
        Assert.DoesNotContain(WrongPassword, connector.ToString());
    }

    [PostgresFact]
    public void AMissingPasswordVariableIsSaid()
    {
        var settings = PostgresTestServer.Settings() with { PasswordEnv = "ECOD_TEST_UNSET_PW" };
        using var connector = new PostgresConnector(settings, _ => null);
        var error = Assert.Throws<DatabaseConnectionException>(() => connector.Open());
        Assert.Contains("ECOD_TEST_UNSET_PW", error.Message);
    }

    [Fact]
    public void NoServerOnThePortIsAClearErrorWithinTheTimeout()
    {
        var settings = new EcodMini.Core.Configuration.DatabaseSettings { Host = "127.0.0.1", Port = 1, Database = "ecod_protein", User = "ecod", ConnectTimeout = 3, SslMode = "disable" };
        using var connector = new PostgresConnector(settings, _ => "secret-123");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<DatabaseConnectionException>(() => connector.Open());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.StartsWith("Cannot connect to PostgreSQL database 'ecod_protein' on 127.0.0.1:1 as user 'ecod': ", error.Message);
        Assert.DoesNotContain("secret-123", error.ToString());
    }

    [PostgresFact]
    public void TlsRequiredAgainstAServerWithoutTlsIsRefusedClearly()
    {
        var settings = PostgresTestServer.Settings() with { SslMode = "require" };
        using var connector = new PostgresConnector(settings);
        try
        {
            using var connection = connector.Open();
            Assert.True(connection.State == System.Data.ConnectionState.Open); // the server offers TLS: fine too
        }
        catch (DatabaseConnectionException ex)
        {
            Assert.Contains($"{settings.Host}:{settings.Port}", ex.Message);
        }
    }

    [PostgresFact]
    public void MaxPoolSizeCapsTheConnectionsOneConnectorHoldsAtOnce()
    {
        var settings = PostgresTestServer.Settings() with { MaxPoolSize = 1, ConnectTimeout = 1 };
        using var connector = new PostgresConnector(settings);
        using (var first = connector.Open())
        {
            var error = Assert.Throws<DatabaseConnectionException>(() => connector.Open());
            Assert.Contains("pool", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        using var again = connector.Open(); // the first went back to the pool
        using var roomy = new PostgresConnector(settings with { MaxPoolSize = 2 });
        using var a = roomy.Open();
        using var b = roomy.Open();
        Assert.Equal(System.Data.ConnectionState.Open, b.State);
    }
}
