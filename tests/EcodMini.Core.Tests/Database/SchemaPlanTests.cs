using EcodMini.Core.Database;

namespace EcodMini.Core.Tests.Database;

/// <summary>Issue 19, finding 10: the -WhatIf list is read from the DDL the initializer runs.</summary>
public class SchemaPlanTests
{
    [Fact]
    public void EveryCreateTableStatementIsListedOnceUnquoted()
    {
        var statements = ProductionSchema.CreateStatements("my_evidence");
        var tables = SchemaPlan.TablesCreatedBy(statements);
        Assert.Equal(statements.Count(s => s.TrimStart().StartsWith("CREATE TABLE", StringComparison.OrdinalIgnoreCase)), tables.Count);
        Assert.Equal(tables.Count, tables.Distinct().Count());
        Assert.Contains("pdb_analysis.my_evidence", tables);
        Assert.All(tables, t => Assert.Matches(@"^(ecod_schema|pdb_analysis)\.[a-z_]+$", t));
        foreach (var (schema, table, _) in ProductionSchema.RequiredColumns("my_evidence")) Assert.Contains($"{schema}.{table}", tables);
    }
}
