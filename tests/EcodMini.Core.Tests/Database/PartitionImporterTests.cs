using EcodMini.Core.Database;
using Npgsql;

namespace EcodMini.Core.Tests.Database;

public sealed class PartitionImporterTests
{
    private static ImportSummary Import(PostgresTestDatabase db, IReadOnlyList<ImportCandidate> candidates, ImportOptions options,
        List<ProteinImportRecord>? records = null, bool checkOnly = false) =>
        new PartitionImporter(db.Connector, options).ImportAsync(candidates, checkOnly, r => records?.Add(r)).GetAwaiter().GetResult();

    private static (long Proteins, long Domains, long Evidence) Counts(PostgresTestDatabase db) =>
        (db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins"), db.Scalar("SELECT count(*) FROM pdb_analysis.partition_domains"),
         db.Scalar("SELECT count(*) FROM pdb_analysis.domain_evidence"));

    [PostgresFact]
    public void TwoThousandChainsBecomeOneProteinRowPerChainAndOneEvidenceRowPerDomain()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 1000)
            .Concat(ImportTestData.WriteBatch(temp.Path, "ecod_batch_002", 1000, first: 1001)).ToList();
        var expectedDomains = Enumerable.Range(1, 2000).Sum(i => i % 4);

        var summary = Import(db, candidates, new ImportOptions { BatchSize = 300 }.AllQualities());

        Assert.Equal((2000, 2000, 0, 0, 0), (summary.Attempted, summary.Imported, summary.Skipped, summary.Failed, summary.Collisions));
        Assert.Equal(expectedDomains, summary.Domains);
        Assert.Equal((2000L, (long)expectedDomains, (long)expectedDomains), Counts(db));
        Assert.Equal(2, db.Scalar("SELECT count(*) FROM ecod_schema.batch WHERE type = 'domain_analysis'"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_domains d WHERE NOT EXISTS (SELECT 1 FROM pdb_analysis.domain_evidence e WHERE e.domain_id = d.id)"));

        var again = Import(db, candidates, new ImportOptions().AllQualities());
        Assert.Equal((2000, 0, 2000, 2000), (again.Attempted, again.Imported, again.Skipped, again.Collisions));
        Assert.Equal((2000L, (long)expectedDomains, (long)expectedDomains), Counts(db));
    }

    [PostgresFact]
    public void TheCurationApplicationsReadsFindTheLatestRowWithBatchDomainsInOrderAndEvidence()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_007", 12);
        Import(db, candidates, new ImportOptions().AllQualities());
        var chain = ImportTestData.Chain(3, "ecod_batch_007");   // three domains, the second discontinuous

        using var connection = db.Open();
        using var protein = new NpgsqlCommand("""
            SELECT p.id, b.batch_name, b.type, p.sequence_length, p.is_classified FROM pdb_analysis.partition_proteins p
            LEFT JOIN ecod_schema.batch b ON b.id = p.batch_id WHERE p.pdb_id = @pdb AND p.chain_id = @chain
            ORDER BY p."timestamp" DESC LIMIT 1
            """, connection);
        protein.Parameters.AddWithValue("pdb", chain.Protein.Pdb);
        protein.Parameters.AddWithValue("chain", chain.Protein.Chain);
        long id;
        using (var r = protein.ExecuteReader())
        {
            Assert.True(r.Read());
            id = r.GetInt32(0);
            Assert.Equal(("ecod_batch_007", "domain_analysis", 320, true), (r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetBoolean(4)));
        }
        using var domains = new NpgsqlCommand("""
            SELECT d.domain_number, d.range, d.start_pos, d.end_pos, d.length, d.t_group, d.h_group, d.x_group, d.source_id,
                   (SELECT count(*) FROM pdb_analysis.domain_evidence e WHERE e.domain_id = d.id)
            FROM pdb_analysis.partition_domains d LEFT JOIN pdb_analysis.t_classification t ON t.t_id = d.t_group
            WHERE d.protein_id = @id ORDER BY d.domain_number
            """, connection);
        domains.Parameters.AddWithValue("id", (int)id);
        var rows = new List<string>();
        using (var r = domains.ExecuteReader())
            while (r.Read()) rows.Add($"{r.GetInt32(0)} {r.GetString(1)} {r.GetInt32(2)}-{r.GetInt32(3)} {r.GetInt32(4)} {r.GetString(5)} {r.GetString(6)} {r.GetString(7)} {r.GetString(8)} {r.GetInt64(9)}");
        Assert.Equal(chain.Domains.Select(d => $"{d.Number} {d.Range} {d.Range.Start}-{d.Range.End} {d.Size} {d.TGroup} {d.HGroup} {d.HGroup![..1]} {d.EcodDomainId} 1"), rows);
    }

    [PostgresFact]
    public void EachStrategyReimportsAsItSays()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 200);
        var domains = Enumerable.Range(1, 200).Sum(i => i % 4);
        Import(db, candidates, new ImportOptions().AllQualities());
        var firstIds = db.Scalar("SELECT sum(id) FROM pdb_analysis.partition_proteins");

        var skip = Import(db, candidates, new ImportOptions { CollisionStrategy = CollisionStrategy.Skip }.AllQualities());
        Assert.Equal((0, 200, 200), (skip.Imported, skip.Skipped, skip.Collisions));
        Assert.Equal((200L, (long)domains, (long)domains), Counts(db));

        var overwrite = Import(db, candidates, new ImportOptions { CollisionStrategy = CollisionStrategy.Overwrite }.AllQualities());
        Assert.Equal((200, 0, 200), (overwrite.Imported, overwrite.Skipped, overwrite.Collisions));
        Assert.Equal((200L, (long)domains, (long)domains), Counts(db));
        Assert.NotEqual(firstIds, db.Scalar("SELECT sum(id) FROM pdb_analysis.partition_proteins"));

        var records = new List<ProteinImportRecord>();
        var version = Import(db, candidates, new ImportOptions { CollisionStrategy = CollisionStrategy.Version }.AllQualities(), records);
        Assert.Equal((200, 200), (version.Imported, version.Collisions));
        Assert.Equal((400L, 2L * domains, 2L * domains), Counts(db));
        // Version keeps the process version the team's filters look for and counts the revision in process_parameters.
        Assert.All(records, r => Assert.Equal((ImportAction.Versioned, "mini_pyecod_v2.0"), (r.Action, r.ProcessVersion)));
        Import(db, candidates, new ImportOptions { CollisionStrategy = CollisionStrategy.Version }.AllQualities());
        Assert.Equal(1, db.Scalar("SELECT count(DISTINCT process_version) FROM pdb_analysis.partition_proteins"));
        Assert.Equal(600, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins WHERE process_version = 'mini_pyecod_v2.0'"));
        // The downstream application's "latest row" is the newest revision (1 first import, 2 overwrite, 3 and 4 the two
        // Version imports), and no two rows of a chain share a timestamp.
        Assert.Equal(200, db.Scalar("""
            SELECT count(*) FROM (SELECT DISTINCT ON (pdb_id, chain_id) process_parameters->>'revision' AS revision FROM pdb_analysis.partition_proteins
            ORDER BY pdb_id, chain_id, "timestamp" DESC) x WHERE revision = '4'
            """));
        Assert.Equal(0, db.Scalar("""
            SELECT count(*) FROM (SELECT pdb_id, chain_id, "timestamp" FROM pdb_analysis.partition_proteins
            GROUP BY 1, 2, 3 HAVING count(*) > 1) ties
            """));
    }

    [PostgresFact]
    public void TheQualityFilterCountsFilteredChainsAndWritesOnlyWhatPasses()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 40);
        var grades = Enumerable.Range(1, 40).Select(i => EcodMini.Core.Monitoring.QualityThresholds.Default.Grade(ImportTestData.Chain(i, "b").Coverage)).ToList();

        var good = Import(db, candidates, new ImportOptions { QualityFilter = QualityFilter.Good });
        Assert.Equal(grades.Count(g => g == "good"), good.Imported);
        Assert.Equal(40 - good.Imported, good.Filtered);
        var questionable = Import(db, candidates, new ImportOptions { QualityFilter = QualityFilter.Questionable });
        Assert.Equal(grades.Count(g => g == "questionable"), questionable.Imported);
        Assert.Equal(grades.Count(g => g == "poor"), questionable.Filtered);
        Assert.Equal(grades.Count(g => g != "poor"), db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins"));
    }

    [PostgresFact]
    public void ADryRunAndACollisionCheckReportButWriteNothing()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 30);
        Import(db, candidates.Take(10).ToList(), new ImportOptions().AllQualities());
        var before = Counts(db);

        var records = new List<ProteinImportRecord>();
        var dry = Import(db, candidates, new ImportOptions { DryRun = true }.AllQualities(), records);
        Assert.Equal((true, 20, 10, 10), (dry.DryRun, dry.Imported, dry.Skipped, dry.Collisions));
        Assert.All(records, r => Assert.True(r.DryRun));
        Assert.Equal(before, Counts(db));

        var check = Import(db, candidates, new ImportOptions().AllQualities(), records = [], checkOnly: true);
        Assert.Equal((0, 10), (check.Imported, check.Collisions));
        Assert.Equal(10, records.Count(r => r.Action == ImportAction.Collision));
        Assert.Equal(20, records.Count(r => r.Action == ImportAction.NoCollision));
        Assert.Equal(before, Counts(db));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM ecod_schema.batch"));
    }

    [PostgresTheory]
    [InlineData(50)]
    [InlineData(1)]   // a batch of one chain: its failure is that chain's alone, and the import goes on
    public void AConstraintViolationMidImportFailsThatChainAloneAndLeavesNoPartOfIt(int batchSize)
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 100);
        var bad = ImportTestData.Chain(51, "ecod_batch_001");   // three domains: the third one violates the check
        db.Execute($"ALTER TABLE pdb_analysis.partition_domains ADD CONSTRAINT no_bad_domain CHECK (domain_id <> '{bad.Domains[2].Id}')");

        var records = new List<ProteinImportRecord>();
        var summary = Import(db, candidates, new ImportOptions { BatchSize = batchSize }.AllQualities(), records);

        Assert.Equal((99, 1), (summary.Imported, summary.Failed));
        var failed = Assert.Single(records, r => r.Action == ImportAction.Failed);
        Assert.Equal(bad.ProteinId, failed.ProteinId);
        Assert.Contains("no_bad_domain", failed.Message);
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM pdb_analysis.partition_proteins WHERE pdb_id = '{bad.Protein.Pdb}'"));
        AssertEveryProteinComplete(db);
    }

    [PostgresFact]
    public void AKilledConnectionMidImportLeavesNoPartialChainAndTheRestGoesIn()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 100);
        var victim = ImportTestData.Chain(62, "ecod_batch_001");
        // The server connection dies while the evidence of this chain is being inserted (after its protein and domain rows).
        db.Execute($"""
            CREATE FUNCTION pdb_analysis.kill_me() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM pdb_analysis.partition_domains d WHERE d.id = NEW.domain_id AND d.domain_id LIKE '{victim.Protein.Pdb}%') THEN
                PERFORM pg_terminate_backend(pg_backend_pid());
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER kill_me BEFORE INSERT ON pdb_analysis.domain_evidence FOR EACH ROW EXECUTE FUNCTION pdb_analysis.kill_me();
            """);

        var records = new List<ProteinImportRecord>();
        var summary = Import(db, candidates, new ImportOptions { BatchSize = 40 }.AllQualities(), records);

        Assert.Equal((99, 1), (summary.Imported, summary.Failed));
        Assert.Equal(victim.ProteinId, Assert.Single(records, r => r.Action == ImportAction.Failed).ProteinId);
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM pdb_analysis.partition_proteins WHERE pdb_id = '{victim.Protein.Pdb}'"));
        AssertEveryProteinComplete(db);
    }

    [PostgresFact]
    public void CancellingRollsBackTheOpenBatch()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 60);
        using var cancel = new CancellationTokenSource();
        var importer = new PartitionImporter(db.Connector, new ImportOptions { BatchSize = 20 }.AllQualities());
        var seen = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => importer.ImportAsync(candidates, onRecord: _ => { if (++seen == 20) cancel.Cancel(); },
            cancellationToken: cancel.Token).GetAwaiter().GetResult());
        Assert.Equal(20, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins"));
        AssertEveryProteinComplete(db);
    }

    internal static void AssertEveryProteinComplete(PostgresTestDatabase db)
    {
        Assert.Equal(0, db.Scalar("""
            SELECT count(*) FROM pdb_analysis.partition_proteins p
            WHERE p.is_classified <> EXISTS (SELECT 1 FROM pdb_analysis.partition_domains d WHERE d.protein_id = p.id)
            """));
        Assert.Equal(0, db.Scalar("""
            SELECT count(*) FROM pdb_analysis.partition_domains d
            WHERE NOT EXISTS (SELECT 1 FROM pdb_analysis.domain_evidence e WHERE e.domain_id = d.id)
            """));
    }
}
