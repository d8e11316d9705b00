namespace EcodMini.Core.Tests.Database;

/// <summary>A theory that needs the test PostgreSQL server: skipped and failed exactly as <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresTestServer.Configured || PostgresTestServer.InCi) return;
        Skip = "PostgreSQL tests skipped: ECOD_TEST_PG_HOST is not set (run: eval \"$(tools/services/postgres.sh)\"); under CI=true they fail instead";
    }
}
