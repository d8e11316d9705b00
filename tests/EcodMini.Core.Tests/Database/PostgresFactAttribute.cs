namespace EcodMini.Core.Tests.Database;

/// <summary>
/// A fact that needs the test PostgreSQL server (tools/services/postgres.sh, ECOD_TEST_PG_* variables). Outside CI
/// it is skipped, with the reason, when the variables are not set; under CI=true it always runs, so a missing
/// server fails the test instead of passing it silently.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresTestServer.SkipReason;
}
