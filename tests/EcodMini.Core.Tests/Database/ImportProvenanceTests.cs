using EcodMini.Core.Database;

namespace EcodMini.Core.Tests.Database;

/// <summary>What an import leaves for the team's readers beyond the partition rows: provenance, per-row time, tracking tables.</summary>
public sealed class ImportProvenanceTests
{
    [PostgresFact]
    public void EveryRowCarriesProvenanceAndTheTrackingTablesAndBatchTotalsFollowTheImport()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 40);
        File.WriteAllLines(temp.File("representatives.txt"), ["0001_A", "0002_A", "0003_A"]);
        // The batch holds 50 summaries, of which 40 are imported now.
        Directory.CreateDirectory(temp.File("ecod_batch_001/domains"));
        for (var i = 1; i <= 50; i++) File.WriteAllText(temp.File($"ecod_batch_001/domains/{i:x4}_A.develop291.domain_summary.xml"), "<x/>");
        var summary = new PartitionImporter(db.Connector, new ImportOptions().AllQualities()).ImportAsync(candidates).GetAwaiter().GetResult();
        Assert.Equal(40, summary.Imported);

        Assert.Equal(40, db.Scalar("""
            SELECT count(*) FROM pdb_analysis.partition_proteins WHERE process_version = 'mini_pyecod_v2.0'
              AND git_commit_hash IS NOT NULL AND source_xml_hash IS NOT NULL AND algorithm_version IS NOT NULL
              AND process_parameters ? 'source_batch_name' AND process_parameters ? 'import_timestamp' AND process_parameters ? 'host'
              AND process_parameters ? 'module_version' AND process_parameters->>'revision' = '1'
              AND process_parameters->'thresholds' ? 'min_confidence' AND process_parameters->>'source_batch_name' = 'ecod_batch_001'
            """));
        Assert.Equal(40, db.Scalar("""SELECT count(DISTINCT "timestamp") FROM pdb_analysis.partition_proteins"""));
        // Every evidence row has a confidence; original_range only where the optimiser changed the range (the v1.0 files of the
        // test data record a changed range on every domain, the legacy files none).
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM pdb_analysis.domain_evidence WHERE confidence IS NULL"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_domains WHERE original_range = range"));
        Assert.Equal(40, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_domains WHERE original_range IS NOT NULL"));
        Assert.Equal("ARRAY", db.Text("SELECT data_type FROM information_schema.columns WHERE table_name = 'partition_domains' AND column_name = 'optimization_actions'"));

        Assert.Equal(40, db.Scalar("SELECT count(*) FROM ecod_schema.protein"));
        Assert.Equal(40, db.Scalar("SELECT count(*) FROM pdb_analysis.protein p JOIN pdb_analysis.partition_proteins pp ON pp.pdb_id = p.pdb_id AND pp.chain_id = p.chain_id"));
        Assert.Equal(3, db.Scalar("SELECT count(*) FROM ecod_schema.process_status WHERE is_representative AND current_stage = 'completed'"));
        Assert.Equal(40, db.Scalar("SELECT count(*) FROM ecod_schema.process_file WHERE file_type = 'domain_partition' AND file_exists"));
        Assert.Equal("domain_analysis 50 40 processing", db.Text("SELECT type || ' ' || total_items || ' ' || completed_items || ' ' || status FROM ecod_schema.batch"));
    }

    [Fact]
    public void TheRowClockNeverRepeatsAndStaysAfterTheChainsNewestRow()
    {
        var frozen = new DateTime(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
        var clock = new RowClock(() => frozen);
        var a = clock.Next();
        var b = clock.Next();
        Assert.True(b > a);
        var later = frozen.AddHours(1);
        Assert.True(clock.Next(later) > later);
        Assert.Equal(0, clock.Next().Ticks % TimeSpan.TicksPerMicrosecond);
    }

    [Fact]
    public void TheBuildEmbedsItsGitCommit()
    {
        Assert.Matches("^([0-9a-f]{40}|unknown)$", BuildInfo.GitCommit);
        Assert.NotEqual(BuildInfo.UnknownCommit, BuildInfo.GitCommit); // the test build runs inside the git checkout
    }
}
