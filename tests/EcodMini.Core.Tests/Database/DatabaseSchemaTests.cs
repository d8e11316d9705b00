using EcodMini.Core.Database;

namespace EcodMini.Core.Tests.Database;

public sealed class DatabaseSchemaTests
{
    [PostgresFact]
    public void InitialisingAnEmptyDatabaseCreatesEveryTableAndASecondRunCreatesNothing()
    {
        using var db = new PostgresTestDatabase(initialize: false);
        var first = DatabaseInitializer.InitializeAsync(db.Connector, "domain_evidence").GetAwaiter().GetResult();
        Assert.Contains("pdb_analysis.partition_proteins", first.CreatedTables);
        Assert.Contains("pdb_analysis.domain_evidence", first.CreatedTables);
        Assert.Contains("ecod_schema.process_status", first.CreatedTables);
        Assert.Contains("pdb_analysis.protein", first.CreatedTables);
        Assert.Contains("pdb_analysis.protein_sequence", first.CreatedTables);
        Assert.Contains("pdb_analysis.domain", first.CreatedTables);
        Assert.Contains("ecod_schema.process_file", first.CreatedTables);
        Assert.Contains("pdb_analysis.partition_domain_summary", first.CreatedViews);

        var second = DatabaseInitializer.InitializeAsync(db.Connector, "domain_evidence").GetAwaiter().GetResult();
        Assert.Empty(second.CreatedTables);
        Assert.Empty(second.Applied);
        Assert.Empty(second.Skipped);
    }

    [PostgresFact]
    public void AnExistingSchemaMissingAColumnIsNamedAndTheImportRefuses()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        db.Execute("ALTER TABLE pdb_analysis.partition_domains DROP COLUMN hit_ecod_domain_id");
        var importer = new PartitionImporter(db.Connector, new ImportOptions().AllQualities());
        var error = Assert.Throws<DatabaseSchemaException>(() =>
            importer.ImportAsync(ImportTestData.WriteBatch(temp.Path, "b", 3)).GetAwaiter().GetResult());
        Assert.Equal(["pdb_analysis.partition_domains.hit_ecod_domain_id"], error.Missing);
        Assert.Contains("pdb_analysis.partition_domains.hit_ecod_domain_id", error.Message);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins"));
    }

    [PostgresFact]
    public void TheEvidenceTableNameComesFromTheConfiguration()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase(evidenceTable: "partition_evidence");
        var summary = new PartitionImporter(db.Connector, new ImportOptions { EvidenceTable = "partition_evidence" }.AllQualities())
            .ImportAsync(ImportTestData.WriteBatch(temp.Path, "b", 8)).GetAwaiter().GetResult();
        Assert.Equal(summary.Domains, (int)db.Scalar("SELECT count(*) FROM pdb_analysis.partition_evidence"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'domain_evidence'"));
    }

    [Fact]
    public void AnEvidenceTableNameThatIsNotAnIdentifierIsRefused()
    {
        Assert.False(SqlIdentifier.IsValid("domain_evidence; DROP TABLE x"));
        Assert.Throws<ArgumentException>(() => SqlIdentifier.Qualified("pdb_analysis", "a\"b"));
        var errors = EcodMini.Core.Configuration.ConfigurationValidator.Validate(new EcodMini.Core.Configuration.EcodConfiguration
        {
            Database = new EcodMini.Core.Configuration.DatabaseSettings { EvidenceTable = "x y" },
        });
        Assert.Contains(errors, e => e.StartsWith("database.evidence_table", StringComparison.Ordinal));
    }
}
