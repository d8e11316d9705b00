using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;
using EcodMini.Core.Pipeline;
using EcodMini.Core.Tests.Inputs;

namespace EcodMini.Core.Tests.Pipeline;

public class ChainPartitionRunnerTests
{
    private static readonly ReferenceData Ref = ReferenceData.Load(EngineTestData.ReferenceDir);

    private static ChainPartitionRunner Runner(OutputFormat format = OutputFormat.V1) => new(Ref, new PartitionOptions(), format);

    [Fact]
    public void GfpInPbpFromV1SummaryAndRawBlastXml()
    {
        using var t = new TempFolder();
        var summary = EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml");
        var output = Path.Combine(t.Path, "batch", "mini_domains", "8ovp_A.mini.domains.xml");
        var blast = EngineTestData.Gfp("8ovp_A.chain.blast.xml");
        var r = Runner().Run(new PartitionRequest(summary, blast, output));
        Assert.True(r.Success, r.Error);
        Assert.Equal(2, r.DomainCount);
        Assert.Equal(blast, r.ChainBlastPath);
        Assert.Empty(r.QualityFlags);
        Assert.True(r.Domains[0].IsDiscontinuous);
        Assert.Equal("e2ia4B1", r.Domains[0].EcodDomainId);
        Assert.Equal("e6dgvA1", r.Domains[1].EcodDomainId);
        Assert.Equal("GFP-like", r.Domains[1].Family);
        Assert.True(File.Exists(output));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(summary))), r.InputSha256);
        Assert.Equal("ecod_weekly_20251019", r.BatchId);
        Assert.Equal(summary, r.SummaryPath);
        Assert.Equal(output, r.OutputPath);
        Assert.Equal(AlgorithmInfo.Version, r.AlgorithmVersion);
        Assert.True(r.ElapsedMs > 0);
        Assert.Equal(1, r.EvidenceCounts[EvidenceType.ChainBlast]);
        Assert.Contains(r.Decisions, d => d.StartsWith("accepted chain_blast_decomposed e2ia4B1"));
        var back = PartitionDocumentReader.Read(output);
        Assert.Equal(r.Domains.Select(d => d.Range), back.Domains.Select(d => d.Range));
        Assert.Equal(r.Timestamp, back.Timestamp);
        Assert.Equal(r.InputSha256, back.InputSha256);
        Assert.Equal(blast, back.ChainBlastPath);
    }

    [Fact]
    public void GfpInPbpFromLegacySummaryWithInlineAlignment()
    {
        var r = Runner().Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml"), BatchId: "b42"));
        Assert.True(r.Success, r.Error);
        Assert.Equal(["1-252,500-517", "253-499"], r.Domains.Select(d => d.Range.ToString()));
        Assert.Equal("b42", r.BatchId);
    }

    [Fact]
    public void ChainHitWithoutAnyAlignmentLeavesOnlyTheGfp()
    {
        var r = Runner().Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml")));
        Assert.True(r.Success);
        Assert.Equal("253-517", r.Domains.Single().Range.ToString()); // 500-517 is a C-terminal fragment
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.NoAlignment]);
        Assert.Contains(r.QualityFlags, f => f.FlagType == "large_gap");
        Assert.Null(r.ChainBlastPath);
        // Not silent: the undecomposed chain hit is flagged.
        Assert.Contains(r.QualityFlags, f => f.FlagType == ChainBlastFlags.NotFound && f.Message.StartsWith("1 chain BLAST hit(s) not decomposed"));
    }

    public static TheoryData<string, string> BadSummaries => new()
    {
        { "", "file is empty" },
        { "<domain_summary version=\"1.0\"><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"100\"><seq", "malformed XML" },
        { "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]><domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"100\"><sequence>&lol2;</sequence></protein></domain_summary>", "lol2" },
        { "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"100\"><sequence>&xxe;</sequence></protein></domain_summary>", "xxe" },
        { "<domain_summary version=\"1.0\"><evidence/></domain_summary>", "missing <protein>" },
        { "<domain_summary><protein pdb_id=\"8ovp;rm\" chain_id=\"A\" length=\"100\"/></domain_summary>", "malformed protein id" },
        { "<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"many\"/></domain_summary>", "'many' is not a positive whole number" },
        { "<blast_summ_doc><blast_summ pdb=\"8ovp\" chain=\"A\"/></blast_summ_doc>", "sequence length cannot be established" },
        { "<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"2000000000\"/></domain_summary>", "exceeds MaxSequenceLength" },
    };

    [Theory]
    [MemberData(nameof(BadSummaries))]
    public void BadSummaryFailsTheChainWithNoOutputFile(string content, string reason)
    {
        using var t = new TempFolder();
        var summary = t.File("8ovp_A.develop291.domain_summary.xml", content);
        var outDir = Path.Combine(t.Path, "out");
        var r = Runner().Run(new PartitionRequest(summary, null, Path.Combine(outDir, "8ovp_A.mini.domains.xml")));
        Assert.False(r.Success);
        Assert.StartsWith(summary + ": ", r.Error);
        Assert.Contains(reason, r.Error);
        Assert.Equal(ErrorClass.Permanent, r.ErrorClass);
        Assert.Equal("8ovp_A", r.ProteinId);
        Assert.Null(r.OutputPath);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public void MissingRawBlastFileIsFlaggedNotFatal()
    {
        var r = Runner().Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml"), "/nonexistent/8ovp_A.chain.blast.xml"));
        Assert.True(r.Success, r.Error);
        Assert.Equal(2, r.DomainCount); // the legacy summary's inline alignment still decomposes
        Assert.StartsWith("/nonexistent/8ovp_A.chain.blast.xml: raw chain BLAST file (given or found in the batch layout) not found", r.Decisions[0]);
        Assert.Contains(r.QualityFlags, f => f.FlagType == ChainBlastFlags.Missing && f.Severity == QualityFlag.Warning);
        Assert.Null(r.ChainBlastPath);
    }
    [Fact]
    public void UnwritableOutputFailsTheChainLeavingNoTemporaryFile()
    {
        using var t = new TempFolder();
        var output = Path.Combine(t.Path, "taken");
        Directory.CreateDirectory(output);
        var r = Runner().Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml"), null, output));
        Assert.False(r.Success);
        Assert.StartsWith(output + ": ", r.Error);
        Assert.Empty(Directory.GetFiles(t.Path, "*.tmp"));
    }

    [Fact]
    public void HitsOfUnknownTypeOnlyGiveZeroDomainsNotAnError()
    {
        using var t = new TempFolder();
        var summary = t.File("s.xml", "<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"300\"/><evidence><hit type=\"self_comparison\" target=\"x\" query_range=\"1-100\"/></evidence></domain_summary>");
        var r = Runner().Run(new PartitionRequest(summary));
        Assert.True(r.Success, r.Error);
        Assert.Empty(r.Domains);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.InvalidHit]);
    }

    [Fact]
    public void MissingSummaryIsAnError()
    {
        var r = Runner().Run(new PartitionRequest("/nonexistent/8ovp_A.develop291.domain_summary.xml"));
        Assert.False(r.Success);
        Assert.Equal("/nonexistent/8ovp_A.develop291.domain_summary.xml: file not found", r.Error);
    }

    [Fact]
    public void BadHitsAreRejectedAndCountedButTheChainSucceeds()
    {
        using var t = new TempFolder();
        var summary = t.File("s.xml", """
            <domain_summary version="1.0"><protein pdb_id="8ovp" chain_id="A" length="517"/>
            <evidence>
              <hit type="domain_blast" target="e6dgvA1" evalue="1e-30" query_range="499-253" target_range="1-247"/>
              <hit type="domain_blast" target="e6dgvA1" evalue="1e-30" query_range="300-546" target_range="1-247"/>
              <hit type="domain_blast" target="e6dgvA1" evalue="strong" query_range="253-499" target_range="1-247"/>
              <hit type="domain_blast" target="e6dgvA1" evalue="1e-30" query_range="253-499" target_range="1-247"/>
            </evidence></domain_summary>
            """);
        var r = Runner().Run(new PartitionRequest(summary));
        Assert.True(r.Success, r.Error);
        Assert.Equal(2, r.RejectionCounts[RejectionReasons.InvalidRange]);
        Assert.Equal(1, r.RejectionCounts[RejectionReasons.InvalidEvalue]);
        Assert.Single(r.Domains);
        Assert.Contains(r.Decisions, d => d.Contains("reversed") || d.Contains("499-253"));
    }

    [Fact]
    public void OutputIsByteIdenticalApartFromTheTimestamp()
    {
        using var t = new TempFolder();
        string Once(string name, OutputFormat f)
        {
            var path = Path.Combine(t.Path, name);
            Assert.True(Runner(f).Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"), EngineTestData.Gfp("8ovp_A.chain.blast.xml"), path)).Success);
            return Regex.Replace(File.ReadAllText(path), "<timestamp>[^<]*</timestamp>", "");
        }
        Assert.Equal(Once("a.xml", OutputFormat.V1), Once("b.xml", OutputFormat.V1));
        Assert.Equal(Once("c.xml", OutputFormat.Legacy), Once("d.xml", OutputFormat.Legacy));
    }

    [Fact]
    public void RunsInParallelWithIdenticalResults()
    {
        var runner = Runner();
        var request = new PartitionRequest(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml"));
        var ranges = new string[200];
        Parallel.For(0, ranges.Length, i => ranges[i] = string.Join(" ", runner.Run(request).Domains.Select(d => d.Range.ToString())));
        Assert.All(ranges, r => Assert.Equal("1-252,500-517 253-499", r));
    }

    [Fact]
    public void CancellationPropagates()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => Runner().Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml")), cts.Token));
    }

    [Fact]
    public void InvalidOptionsAreRefusedNamingTheProperty()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ChainPartitionRunner(Ref, new PartitionOptions { NewCoverageThreshold = 1.5 }));
        Assert.Equal(nameof(PartitionOptions.NewCoverageThreshold), ex.ParamName);
    }

    public static TheoryData<string, string> WellFormedSummariesWhoseEveryHitIsRejected => new()
    {
        { "<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"300\"/><evidence><hit type=\"domain_blast\" target=\"e6dgvA1\" evalue=\"1e-9\" query_range=\"200-100\"/></evidence></domain_summary>", "domain_blast e6dgvA1 [200-100] (query range '200-100'): invalid_range" },
        { "<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"300\"/><evidence><hit type=\"domain_blast\" target=\"e6dgvA1\" evalue=\"1e-9\" query_range=\"100-400\"/></evidence></domain_summary>", "past sequence end 300" },
        { "<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"300\"/><evidence><hit type=\"domain_blast\" target=\"e6dgvA1\" evalue=\"one\" query_range=\"1-100\"/></evidence></domain_summary>", "e-value 'one'" },
        { File.ReadAllText(EngineTestData.Input("summaries", "8ovp_A.hit_without_range.legacy.domain_summary.xml")), "domain_blast e6dgvA1 [] (query range ''): invalid_range" },
    };

    /// <summary>One rule (docs/INPUTS.md): a well-formed summary whose every hit is rejected succeeds with 0 domains, as the original does, listing the rejections as flags.</summary>
    [Theory]
    [MemberData(nameof(WellFormedSummariesWhoseEveryHitIsRejected))]
    public void EveryHitRejectedInAWellFormedSummaryIsSuccessWithZeroDomainsAndFlags(string content, string flagText)
    {
        using var t = new TempFolder();
        var summary = t.File("8ovp_A.develop291.domain_summary.xml", content);
        var output = Path.Combine(t.Path, "out", "8ovp_A.mini.domains.xml");
        var r = Runner().Run(new PartitionRequest(summary, null, output));
        Assert.True(r.Success, r.Error);
        Assert.Empty(r.Domains);
        var flag = Assert.Single(r.QualityFlags, f => f.FlagType == "rejected_hit");
        Assert.Contains(flagText, flag.Message);
        Assert.Contains(PartitionDocumentReader.Read(output).QualityFlags, f => f.FlagType == "rejected_hit");
    }

    [Fact]
    public void ManyMalformedHitsAreListedUpToTenThenSummed()
    {
        using var t = new TempFolder();
        var hits = string.Concat(Enumerable.Range(0, 14).Select(i => $"<hit type=\"domain_blast\" target=\"e6dgvA1\" evalue=\"1e-9\" query_range=\"{200 + i}-100\"/>"));
        var summary = t.File("s.xml", $"<domain_summary><protein pdb_id=\"8ovp\" chain_id=\"A\" length=\"300\"/><evidence>{hits}</evidence></domain_summary>");
        var r = Runner().Run(new PartitionRequest(summary));
        var flags = r.QualityFlags.Where(f => f.FlagType == "rejected_hit").ToList();
        Assert.Equal(11, flags.Count);
        Assert.Equal("and 4 more malformed hit(s)", flags[^1].Message);
        Assert.Equal(14, r.RejectionCounts[RejectionReasons.InvalidRange]);
    }

    [Fact]
    public void ChildElementSummariesPartitionAsTheAttributeOnes()
    {
        string Ranges(PartitionResult r) => string.Join(" ", r.Domains.Select(d => $"{d.Range}:{d.EcodDomainId}:{d.Source}"));
        var legacy = Runner().Run(new PartitionRequest(EngineTestData.Input("summaries", "8ovp_A.child_ranges.legacy.domain_summary.xml")));
        Assert.True(legacy.Success, legacy.Error);
        Assert.Equal(Ranges(Runner().Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.legacy.domain_summary.xml")))), Ranges(legacy));
        var blast = EngineTestData.Gfp("8ovp_A.chain.blast.xml");
        var v1 = Runner().Run(new PartitionRequest(EngineTestData.Input("summaries", "8ovp_A.child_ranges.v1.domain_summary.xml"), blast));
        Assert.Equal(Ranges(Runner().Run(new PartitionRequest(EngineTestData.Gfp("8ovp_A.v1.domain_summary.xml"), blast))), Ranges(v1));
        Assert.Equal(2, v1.DomainCount);
    }

    [Fact]
    public void TheBlastFileASummaryNamesIsUsedWhenNoneIsGivenOrFound()
    {
        using var t = new TempFolder();
        var summary = t.File(Path.Combine("b", "domains", "8ovp_A.develop291.domain_summary.xml"),
            File.ReadAllText(EngineTestData.Input("summaries", "8ovp_A.child_ranges.legacy.domain_summary.xml")).Replace("<query_seq>", "<ignored_seq>").Replace("</query_seq>", "</ignored_seq>"));
        var r0 = Runner().Run(new PartitionRequest(summary));
        Assert.Single(r0.Domains); // no inline alignment left and the named file is missing
        Assert.Contains(r0.QualityFlags, f => f.FlagType == ChainBlastFlags.Missing && f.Message.Contains("named by the summary"));
        var blast = Path.Combine(t.Path, "b", "blast", "chain", "8ovp_A.develop291.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(blast)!);
        File.Copy(EngineTestData.Gfp("8ovp_A.chain.blast.xml"), blast);
        var r = Runner().Run(new PartitionRequest(summary));
        Assert.Equal(2, r.DomainCount);
        Assert.Equal(Path.GetFullPath(blast), Path.GetFullPath(r.ChainBlastPath!));
        Assert.Contains(r.Decisions, d => d.Contains("(named by the summary)"));
    }
}
