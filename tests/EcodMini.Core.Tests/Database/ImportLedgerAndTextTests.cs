using EcodMini.Core.Database;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;
using EcodMini.Core.Tests.Tracking;
using Npgsql;

namespace EcodMini.Core.Tests.Database;

public sealed class ImportLedgerAndTextTests
{
    [PostgresFact]
    public void IdsFamilyAndBatchNamesShapedLikeSqlInjectionOrWithQuotesAndUnicodeAreStoredLiterally()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        const string batch = "b'); DROP TABLE pdb_analysis.partition_proteins; --";
        const string tGroup = "1.1'; DELETE FROM ecod_schema.batch; --";
        const string ecod = "e1abcA1\"; SELECT pg_sleep(5); --";
        var plain = ImportTestData.Chain(3, batch);
        var chain = plain with
        {
            Domains = [.. plain.Domains.Select(d => d with { TGroup = tGroup, HGroup = "β-barrel “fold” ½", EcodDomainId = ecod, Family = "O'Brien's \\ family" })],
        };
        var path = Path.Combine(temp.Path, "odd", "mini_domains", $"{chain.ProteinId}.mini.domains.xml");
        PartitionDocumentWriter.Write(chain, path, OutputFormat.V1);

        var summary = new PartitionImporter(db.Connector, new ImportOptions().AllQualities())
            .ImportAsync([new ImportCandidate { Path = path }]).GetAwaiter().GetResult();

        Assert.Equal(1, summary.Imported);
        using var connection = db.Open();
        using var command = new NpgsqlCommand("""
            SELECT b.batch_name, d.t_group, d.h_group, d.source_id, e.source_id FROM pdb_analysis.partition_proteins p
            JOIN ecod_schema.batch b ON b.id = p.batch_id JOIN pdb_analysis.partition_domains d ON d.protein_id = p.id
            JOIN pdb_analysis.domain_evidence e ON e.domain_id = d.id ORDER BY d.domain_number LIMIT 1
            """, connection);
        using var r = command.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal((batch, tGroup, "β-barrel “fold” ½", ecod, ecod), (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
    }

    [PostgresFact]
    public void TheTrackerLedgerMakesARerunImportOnlyWhatIsNew()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        using var tracker = TrackingTestData.Open(temp.File("tracking.db"));
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 50);
        var options = new ImportOptions { CollisionStrategy = CollisionStrategy.Version }.AllQualities();
        new PartitionImporter(db.Connector, options, tracker).ImportAsync(candidates.Take(30).ToList()).GetAwaiter().GetResult();

        var records = new List<ProteinImportRecord>();
        var rerun = new PartitionImporter(db.Connector, options, tracker).ImportAsync(candidates, onRecord: records.Add).GetAwaiter().GetResult();

        Assert.Equal((20, 30, 0), (rerun.Imported, rerun.Skipped, rerun.Collisions));
        Assert.Equal(30, records.Count(r => r.Action == ImportAction.AlreadyImported));
        Assert.Equal(50, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins"));
        var ledger = tracker.GetImports(db.Connector.Target);
        Assert.Equal(50, ledger.Count);
        Assert.All(ledger, e => Assert.Equal("mini_pyecod_v2.0", e.ProcessVersion));
        Assert.Equal(50, ledger.Select(e => e.PartitionProteinId).Distinct().Count());

        // A chain whose partition changed since is new again: Version adds it beside the old row.
        var changed = ImportTestData.Chain(5, "ecod_batch_001") with { Coverage = 0.99 };
        PartitionDocumentWriter.Write(changed, candidates[4].Path!, OutputFormat.V1);
        var third = new PartitionImporter(db.Connector, options, tracker).ImportAsync(candidates).GetAwaiter().GetResult();
        Assert.Equal((1, 49, 1), (third.Imported, third.Skipped, third.Collisions));
        var entry = tracker.GetImports(db.Connector.Target).Single(e => e.ProteinId == changed.ProteinId);
        Assert.Equal("mini_pyecod_v2.0", entry.ProcessVersion);
        Assert.Equal(2L, db.Scalar($"SELECT (process_parameters->>'revision')::bigint FROM pdb_analysis.partition_proteins WHERE id = {entry.PartitionProteinId}"));

        // The same files under another process version are a new import, not "already imported".
        var other = new PartitionImporter(db.Connector, options with { ProcessVersion = "mini_pyecod_v2.1" }, tracker).ImportAsync(candidates).GetAwaiter().GetResult();
        Assert.Equal(50, other.Imported);
        Assert.Equal(50, db.Scalar("SELECT count(*) FROM pdb_analysis.partition_proteins WHERE process_version = 'mini_pyecod_v2.1'"));
        Assert.All(tracker.GetImports(db.Connector.Target), e => Assert.Equal("mini_pyecod_v2.1", e.ProcessVersion));
    }

    [PostgresFact]
    public void UnreadableFilesAndDuplicatesAreCountedNotFatal()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 5);
        var broken = temp.File("ecod_batch_001/mini_domains/9zzz_A.mini.domains.xml", "<partition><protein pdb_id=");
        var records = new List<ProteinImportRecord>();
        var summary = new PartitionImporter(db.Connector, new ImportOptions().AllQualities())
            .ImportAsync([.. candidates, candidates[0], new ImportCandidate { Path = broken }], onRecord: records.Add).GetAwaiter().GetResult();
        Assert.Equal((7, 5, 1, 1), (summary.Attempted, summary.Imported, summary.Skipped, summary.Failed));
        Assert.Contains(broken, Assert.Single(records, r => r.Action == ImportAction.Failed).Message);
        Assert.Single(records, r => r.Action == ImportAction.Duplicate);
    }

    [PostgresFact]
    public void TheVerifierFindsNothingAfterAnImportAndCatchesARowAlteredBehindItsBack()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        using var tracker = TrackingTestData.Open(temp.File("tracking.db"));
        var candidates = ImportTestData.WriteBatch(temp.Path, "ecod_batch_001", 60);
        new PartitionImporter(db.Connector, new ImportOptions().AllQualities(), tracker).ImportAsync(candidates).GetAwaiter().GetResult();
        var verifier = new ImportVerifier(db.Connector, "domain_evidence", EcodMini.Core.Inputs.BatchLayout.DefaultReferenceVersion);
        var ledger = tracker.GetImports(db.Connector.Target);

        Assert.Empty(verifier.VerifyAsync(ledger).GetAwaiter().GetResult());

        var target = ImportTestData.Chain(7, "ecod_batch_001");
        db.Execute($"""
            UPDATE pdb_analysis.partition_domains SET range = '1-10' WHERE domain_id = '{target.Domains[1].Id}';
            UPDATE pdb_analysis.partition_proteins SET coverage = 0.01 WHERE pdb_id = '{ImportTestData.Chain(9, "x").Protein.Pdb}';
            DELETE FROM pdb_analysis.domain_evidence WHERE domain_id = (SELECT id FROM pdb_analysis.partition_domains WHERE domain_id = '{target.Domains[0].Id}');
            """);
        var mismatches = verifier.VerifyAsync(ledger).GetAwaiter().GetResult();
        Assert.Equal(3, mismatches.Count);
        var range = Assert.Single(mismatches, m => m.Field == "range");
        Assert.Equal((target.ProteinId, 2, target.Domains[1].Range.ToString(), "1-10"), (range.ProteinId, range.DomainNumber, range.Expected, range.Actual));
        Assert.Single(mismatches, m => m.Field == "coverage" && m.Actual == "0.01");
        Assert.Single(mismatches, m => m.Field == "evidence" && m.DomainNumber == 1);
    }

    [PostgresFact]
    public void RepresentativesAreTheFlaggedProteinsSourceIds()
    {
        using var db = new PostgresTestDatabase();
        db.Execute("""
            INSERT INTO ecod_schema.protein (pdb_id, chain_id, source_id) VALUES ('1abc', 'A', '1abc_A'), ('2def', 'B', '2def_B'), ('3ghi', 'C', '3ghi_C');
            INSERT INTO ecod_schema.process_status (protein_id, is_representative)
            SELECT id, source_id <> '2def_B' FROM ecod_schema.protein;
            """);
        var reps = RepresentativeReader.ReadAsync(db.Connector).GetAwaiter().GetResult();
        Assert.Equal(["1abc_A", "3ghi_C"], reps.Order());
    }
}
