using System.Diagnostics;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

public class ScalingTests
{
    /// <summary>A 6,000-residue chain of 40 domains with 400 domain hits, 400 HHsearch hits and 40 decomposable chain hits.</summary>
    [Fact]
    public void LongChainWithManyHitsStaysFast()
    {
        const int domains = 40, size = 150, length = domains * size;
        var refs = new List<ReferenceDomain>();
        var chainLengths = new List<(string, string, int)>();
        var alignments = new Dictionary<string, ChainAlignment>();
        var hits = new List<SummaryHit>();
        for (var d = 0; d < domains; d++)
        {
            var pdb = $"{d + 1:000}x";
            refs.Add(Domain($"e{pdb}A1", pdb, "A", $"1-{size / 2}"));
            refs.Add(Domain($"e{pdb}A2", pdb, "A", $"{size / 2 + 1}-{size}"));
            refs.Add(Domain($"e{pdb}B1", pdb, "B", $"1-{size}"));
            chainLengths.Add((pdb, "A", size));
            var start = d * size + 1;
            var (q, h) = Aligned((size, 'M'));
            alignments[ChainEvidence.AlignmentKey(pdb, "A")] = new ChainAlignment(q, h, start, 1);
            hits.Add(ChainHit($"{pdb}_A", $"{start}-{start + size - 1}", $"1-{size}"));
            for (var k = 0; k < 10; k++)
            {
                hits.Add(DomainHit($"e{pdb}B1", $"{start + k}-{start + size - 1 - k}", $"{1 + k}-{size - k}", $"1e-{20 + k}"));
                hits.Add(DomainHit($"e{pdb}B1", $"{start + k}-{start + size - 1}", $"{1 + k}-{size}", null, EvidenceType.HhSearch, "90"));
            }
        }
        var reference = Reference(refs, chainLengths);
        var chain = Chain(length, hits, alignments);
        Run(reference, chain); // warm-up
        var r = Run(reference, chain);
        Assert.Equal(domains * 2, r.DomainCount);
        Assert.Equal(1.0, r.Coverage);
        var best = long.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            Run(reference, chain);
            best = Math.Min(best, sw.ElapsedMilliseconds);
        }
        // Release: ~30 ms (was ~60 ms before overlap resolution was limited to span intersections); a generous guard
        // against anything quadratic in length x domains.
        Assert.True(best < 1000, $"took {best} ms");
    }
}
