using EcodMini.Core.Database;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;
using Npgsql;

namespace EcodMini.Core.Tests.Database;

public sealed class SupportingEvidenceTests
{
    /// <summary>Chain 3 of the test data (domains on e1000A1 1-91 and e1001A2 101-141,151-191) with a summary beside it.</summary>
    private static (PartitionResult Chain, string Path) ChainWithSummary(TempFolder temp, string firstHitScore = "", string extraHits = "")
    {
        var chain = ImportTestData.Chain(3, "ecod_batch_001");
        var path = temp.File($"ecod_batch_001/mini_domains/{chain.ProteinId}.mini.domains.xml");
        var summary = temp.File($"ecod_batch_001/domains/{chain.ProteinId}.develop291.domain_summary.xml", $"""
            <domain_summary version="1.0">
              <protein pdb_id="{chain.Protein.Pdb}" chain_id="{chain.Protein.Chain}" length="320"><sequence></sequence></protein>
              <evidence>
                <hit type="domain_blast" target="e1000A1" evalue="1e-30" query_range="1-90" target_range="2-91"/>
                <hit type="domain_blast" target="e1000A1" evalue="1e-50" query_range="5-80" target_range="5-80"{firstHitScore}/>
                <hit type="hhsearch" target="e1000A1" evalue="1e-8" probability="97.5" query_range="3-88" target_range="1-86"/>
                <hit type="domain_blast" target="e1000A1" evalue="1e-9" query_range="200-260" target_range="1-61"/>
                <hit type="domain_blast" target="e7777A1" evalue="1e-40" query_range="1-90" target_range="1-90"/>
                <hit type="hhsearch" target="e1001A2" evalue="1e-12" probability="99.1" query_range="110-180" target_range="1-71"/>
                {extraHits}
              </evidence>
            </domain_summary>
            """);
        // The partition records the SHA-256 of the summary it was made from (what domain_summary_hash stores).
        chain = chain with { InputSha256 = ChainLoader.HashFile(summary) };
        PartitionDocumentWriter.Write(chain, path, OutputFormat.V1);
        return (chain, path);
    }

    [Fact]
    public void HitsOnTheDomainsReferenceThatOverlapItSupportItBestFirst()
    {
        using var temp = new TempFolder();
        var (chain, path) = ChainWithSummary(temp);
        var loaded = ChainLoader.Load(new ImportCandidate { Path = path }, EcodMini.Core.Monitoring.QualityThresholds.Default, "develop291");

        Assert.EndsWith(".develop291.domain_summary.xml", loaded.SummaryPath);
        Assert.Equal(3, loaded.Support.Count);
        Assert.Equal(["1e-50", "1e-30", "1e-08"], loaded.Support[0].Select(h => h.Evalue!.Value.ToString("0e-00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("e1001A2", Assert.Single(loaded.Support[1]).TargetId);
        Assert.Empty(loaded.Support[2]);

        var rows = PartitionRowMapper.Evidence(chain.Domains[0], 1, loaded.Support[0], EvidenceScorer.WithoutReference).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(("domain_blast", 1e-50, "5-80"), (rows[0].EvidenceType, rows[0].Evalue, rows[0].HitRange));
        Assert.Equal((float?)chain.Domains[0].Confidence, rows[0].Confidence);
        // Every supporting hit carries the engine's confidence for it: the stronger e-value never ranks below the weaker.
        Assert.All(rows, r => Assert.NotNull(r.Confidence));
        Assert.True(rows[1].Confidence >= rows[2].Confidence, $"{rows[1].Confidence} < {rows[2].Confidence}");
        Assert.Equal((97.5f, "3-88"), (rows[3].Probability, rows[3].QueryRange));
    }

    [Fact]
    public void AnHHsearchHitListedAtUnderOnePercentIsScoredOnTheChainsPercentScale()
    {
        using var temp = new TempFolder();
        var (_, path) = ChainWithSummary(temp, extraHits:
            """<hit type="hhsearch" target="e1000A1" evalue="8" probability="0.8" query_range="10-70" target_range="10-70"/>""");
        var loaded = ChainLoader.Load(new ImportCandidate { Path = path }, EcodMini.Core.Monitoring.QualityThresholds.Default, "develop291");
        var weak = Assert.Single(loaded.Support[0], h => h.Probability == 0.8);
        Assert.True(weak.PercentScale);
        var strong = Assert.Single(loaded.Support[0], h => h.Probability == 97.5);
        // 0.8% floors at the least base (0.1 x 0.95); read as a fraction it would score above the 97.5% hit's neighbours.
        Assert.Equal(0.095, EvidenceScorer.WithoutReference.Confidence(weak), 4);
        Assert.True(EvidenceScorer.WithoutReference.Confidence(strong) > 0.8);
        Assert.Equal(0.76, EvidenceScorer.WithoutReference.Confidence(weak with { PercentScale = false }), 4);
    }

    [Fact]
    public void ScoreIsTheSummaryHitsScoreWhereItHasOneAndNullElsewhere()
    {
        using var temp = new TempFolder();
        var (chain, path) = ChainWithSummary(temp, " score=\"211.5\"");
        var loaded = ChainLoader.Load(new ImportCandidate { Path = path }, EcodMini.Core.Monitoring.QualityThresholds.Default, "develop291");

        var rows = PartitionRowMapper.Evidence(chain.Domains[0], 1, loaded.Support[0], EvidenceScorer.WithoutReference).ToList();
        // The partition's own evidence row takes the score of its best hit (the scored one), the hit's own row too; hits without one stay NULL.
        Assert.Equal(new float?[] { 211.5f, 211.5f, null, null }, rows.Select(r => r.Score));
        var unscored = PartitionRowMapper.Evidence(chain.Domains[1], 2, loaded.Support[1], EvidenceScorer.WithoutReference);
        Assert.All(unscored, r => Assert.Null(r.Score));
    }

    [PostgresFact]
    public void TheImportWritesEveryDomainsSupportingHitsAndTheVerifierChecksThem()
    {
        using var temp = new TempFolder();
        using var db = new PostgresTestDatabase();
        using var tracker = Tracking.TrackingTestData.Open(temp.File("tracking.db"));
        var (chain, path) = ChainWithSummary(temp);
        var summary = new PartitionImporter(db.Connector, new ImportOptions().AllQualities(), tracker)
            .ImportAsync([new ImportCandidate { Path = path }]).GetAwaiter().GetResult();

        Assert.Equal((3, 3 + 3 + 1), (summary.Domains, summary.EvidenceRows));
        using (var connection = db.Open())
        using (var command = new NpgsqlCommand("""
            SELECT d.domain_number, d.evidence_evalue, d.evidence_hit_range, count(e.id) FROM pdb_analysis.partition_domains d
            JOIN pdb_analysis.domain_evidence e ON e.domain_id = d.id GROUP BY d.id ORDER BY d.domain_number
            """, connection))
        using (var r = command.ExecuteReader())
        {
            var rows = new List<string>();
            while (r.Read()) rows.Add($"{r.GetInt32(0)} {(r.IsDBNull(1) ? "-" : r.GetDouble(1).ToString(System.Globalization.CultureInfo.InvariantCulture))} {(r.IsDBNull(2) ? "-" : r.GetString(2))} {r.GetInt64(3)}");
            Assert.Equal(["1 1E-50 5-80 4", "2 1E-12 1-71 2", "3 - - 1"], rows);
        }
        var verifier = new ImportVerifier(db.Connector, "domain_evidence", "develop291");
        Assert.Empty(verifier.VerifyAsync(tracker.GetImports(db.Connector.Target)).GetAwaiter().GetResult());
        db.Execute("DELETE FROM pdb_analysis.domain_evidence WHERE evalue = 1e-30 AND evidence_type = 'domain_blast' AND id NOT IN (SELECT min(id) FROM pdb_analysis.domain_evidence GROUP BY domain_id)");
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM pdb_analysis.domain_evidence WHERE confidence IS NULL"));
        var mismatch = Assert.Single(verifier.VerifyAsync(tracker.GetImports(db.Connector.Target)).GetAwaiter().GetResult());
        Assert.Equal(("evidence", 1, "4 rows", "3 rows"), (mismatch.Field, mismatch.DomainNumber, mismatch.Expected, mismatch.Actual));

        // A summary changed on disk since the import is reported as that chain's changed file.
        var summaryPath = temp.File($"ecod_batch_001/domains/{chain.ProteinId}.develop291.domain_summary.xml");
        File.AppendAllText(summaryPath, "<!-- edited -->");
        var drift = verifier.VerifyAsync(tracker.GetImports(db.Connector.Target)).GetAwaiter().GetResult().Where(m => m.Table == "file").ToList();
        Assert.Equal(("domain_summary_hash", chain.ProteinId, ChainLoader.HashFile(summaryPath)), (Assert.Single(drift).Field, drift[0].ProteinId, drift[0].Actual));
    }
}
