namespace EcodMini.Core.Tests.Database;

/// <summary>A theory that needs the test PostgreSQL server: skipped and failed exactly as <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = PostgresTestServer.SkipReason;
}
