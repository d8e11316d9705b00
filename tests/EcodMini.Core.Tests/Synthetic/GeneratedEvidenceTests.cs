using EcodMini.Core.Model;
using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Synthetic;

public sealed class GeneratedEvidenceTests(GeneratedTreeFixture tree) : IClassFixture<GeneratedTreeFixture>
{
    private const int Tolerance = 5;

    [Fact]
    public void Every_true_domain_has_a_hit_at_its_place()
    {
        foreach (var chain in tree.Truth.Chains)
        {
            var (_, hits) = SummaryFiles.ReadLegacy(tree.SummaryPath(chain));
            foreach (var domain in chain.Domains)
            {
                var byDomainHit = hits.Any(h => h.Type != "chain_blast" && Near(h.QueryRange, domain.Range)
                    && tree.Reference.Domains[h.Target].TGroup == domain.TGroup);
                var byChainHit = hits.Any(h => h.Type == "chain_blast" && h.QueryRange.Start <= domain.Range.Start && h.QueryRange.End >= domain.Range.End
                    && tree.Reference.Domains[domain.EcodDomainId].Pdb == h.Target[..4]);
                Assert.True(byDomainHit || byChainHit, $"{chain.ProteinId} {domain.Range} ({chain.Category}) has no hit at its place");
            }
        }
    }

    [Fact]
    public void No_evidence_chains_have_no_hits_and_hhsearch_only_chains_have_only_hhsearch_true_hits()
    {
        foreach (var chain in tree.Truth.Chains.Where(c => c.Category == "no_evidence"))
            Assert.Empty(SummaryFiles.ReadLegacy(tree.SummaryPath(chain)).Hits);
        foreach (var chain in tree.Truth.Chains.Where(c => c.Category == "hhsearch_only"))
        {
            var hits = SummaryFiles.ReadLegacy(tree.SummaryPath(chain)).Hits;
            foreach (var domain in chain.Domains)
            {
                Assert.Contains(hits, h => h.Type == "hhsearch" && Near(h.QueryRange, domain.Range) && double.Parse(h.Probability!) >= 90);
                // Decoys may land anywhere, but no domain BLAST hit is good enough to be accepted.
                Assert.DoesNotContain(hits, h => h.Type == "domain_blast" && Near(h.QueryRange, domain.Range) && Acceptable(h));
            }
        }
    }

    [Fact]
    public void Legacy_and_v1_summaries_agree()
    {
        foreach (var chain in tree.Truth.Chains)
        {
            var legacy = SummaryFiles.ReadLegacy(tree.SummaryPath(chain));
            var v1 = SummaryFiles.ReadV1(tree.SummaryPath(chain, "domains_v1"));
            Assert.Equal(chain.Length, legacy.Length);
            Assert.Equal(chain.Length, v1.Length);
            Assert.Equal(chain.Length, v1.Sequence.Length);
            Assert.Equal(Key(legacy.Hits, legacyTargets: true), Key(v1.Hits, legacyTargets: false));
        }
    }

    [Fact]
    public void Blast_xml_alignments_are_consistent_with_their_coordinates_and_the_summary()
    {
        foreach (var chain in tree.Truth.Chains)
        {
            var path = tree.BlastPath(chain);
            Assert.Contains("<!DOCTYPE BlastOutput PUBLIC \"-//NCBI//NCBI BlastOutput/EN\" \"http://www.ncbi.nlm.nih.gov/dtd/NCBI_BlastOutput.dtd\">", File.ReadAllText(path));
            var sequence = SummaryFiles.ReadV1(tree.SummaryPath(chain, "domains_v1")).Sequence;
            var hsps = BlastFiles.Read(path);
            foreach (var hsp in hsps)
            {
                Assert.Equal(hsp.QuerySeq.Length, hsp.HitSeq.Length);
                Assert.Equal(hsp.QueryTo - hsp.QueryFrom + 1, hsp.QuerySeq.Count(c => c != '-'));
                Assert.Equal(hsp.HitTo - hsp.HitFrom + 1, hsp.HitSeq.Count(c => c != '-'));
                Assert.Equal(sequence.Substring(hsp.QueryFrom - 1, hsp.QueryTo - hsp.QueryFrom + 1), hsp.QuerySeq.Replace("-", ""));
                Assert.InRange(hsp.HitTo, 1, tree.Reference.ProteinLengths[(hsp.Pdb, hsp.Chain)]);
            }
            var chainHits = SummaryFiles.ReadLegacy(tree.SummaryPath(chain)).Hits.Where(h => h.Type == "chain_blast").ToArray();
            Assert.Equal(chainHits.Select(h => (h.Target, h.QueryRange.ToString(), h.HitRange.ToString(), h.EValue, h.HspEValues)),
                hsps.Select(h => ($"{h.Pdb}_{h.Chain}", $"{h.QueryFrom}-{h.QueryTo}", $"{h.HitFrom}-{h.HitTo}", h.EValue, h.HspCount)));
        }
    }

    [Fact]
    public void Chain_blast_alignments_map_every_reference_domain_onto_its_true_place()
    {
        var checkedHits = 0;
        foreach (var chain in tree.Truth.Chains)
        {
            foreach (var hsp in BlastFiles.Read(tree.BlastPath(chain)))
            {
                if (tree.Reference.Blacklist.Contains((hsp.Pdb, hsp.Chain))) continue;
                var map = hsp.ReferenceToQuery();
                foreach (var (id, referenceRange) in tree.Reference.DomainsOf(hsp.Pdb, hsp.Chain))
                {
                    var truth = chain.Domains.Single(d => d.EcodDomainId == id && d.Range.Start >= hsp.QueryFrom && d.Range.End <= hsp.QueryTo);
                    var mapped = referenceRange.Positions().Where(map.ContainsKey).Select(p => map[p]).ToArray();
                    Assert.True(mapped.Length >= 0.9 * referenceRange.TotalLength, $"{chain.ProteinId}: {id} maps {mapped.Length} of {referenceRange.TotalLength}");
                    Assert.All(mapped, q => Assert.True(truth.Range.Contains(q), $"{chain.ProteinId}: {id} maps to {q} outside {truth.Range}"));
                    Assert.True(mapped.Length >= 0.9 * truth.Range.TotalLength);
                    Assert.Equal(truth.Range, QueryRangeWithHoles(mapped, referenceRange, map));
                }
                checkedHits++;
            }
        }
        Assert.True(checkedHits > 20, $"only {checkedHits} chain BLAST hits to usable chains");
    }

    [Fact]
    public void Decoys_of_every_kind_are_present()
    {
        var hits = tree.Truth.Chains.SelectMany(c => SummaryFiles.ReadLegacy(tree.SummaryPath(c)).Hits).ToArray();
        Assert.Contains(hits, h => h.Type == "domain_blast" && h.QueryRange.TotalLength < 25);
        Assert.Contains(hits, h => h.Type == "hhsearch" && double.Parse(h.Probability!) < 50);
        Assert.Contains(hits, h => h.Type == "domain_blast" && h.HitRange.TotalLength < 0.3 * tree.Reference.Domains[h.Target].Length && h.QueryRange.TotalLength >= 25);
        Assert.Contains(hits, h => h.Type == "chain_blast" && tree.Reference.Blacklist.Contains((h.Target[..4], h.Target[5..])));
        Assert.Contains(hits, h => h.Type == "domain_blast" && double.Parse(h.EValue) > 1);
        Assert.Contains(hits, h => h.EValue == "0");
        // Multi-HSP hits list one e-value per HSP, the hit's own first (and weaker ones after it).
        Assert.Contains(hits, h => h.Type == "domain_blast" && h.HspEValues == 2);
        Assert.Contains(hits, h => h.Type == "chain_blast" && h.HspEValues == 2);
    }

    [Fact]
    public void Every_hit_away_from_a_true_domain_fails_a_documented_threshold()
    {
        var decoys = 0;
        foreach (var chain in tree.Truth.Chains)
        {
            foreach (var h in SummaryFiles.ReadLegacy(tree.SummaryPath(chain)).Hits)
            {
                if (h.Type == "chain_blast" || chain.Domains.Any(d => Near(h.QueryRange, d.Range))) continue;
                decoys++;
                var coverage = (double)h.HitRange.TotalLength / tree.Reference.Domains[h.Target].Length;
                var rejectable = h.QueryRange.TotalLength < 25 || (h.Type == "domain_blast"
                    ? double.Parse(h.EValue) >= 1 || coverage < 0.5
                    : double.Parse(h.Probability!) < 50 || coverage < 0.6);
                Assert.True(rejectable, $"{chain.ProteinId}: {h} would be accepted away from every true domain");
            }
        }
        Assert.True(decoys > 300 * 5, $"only {decoys} decoys");
    }

    [Fact]
    public void Typical_chains_carry_twenty_to_eighty_hits_and_true_domain_hits_have_good_scores()
    {
        var counts = new List<int>();
        foreach (var chain in tree.Truth.Chains.Where(c => c.Domains.Count is >= 1 and <= 5 && c.Category != "hhsearch_only"))
        {
            var hits = SummaryFiles.ReadLegacy(tree.SummaryPath(chain)).Hits;
            counts.Add(hits.Count);
            foreach (var domain in chain.Domains)
            {
                Assert.Contains(hits, h => h.Type == "domain_blast" && Near(h.QueryRange, domain.Range) && Acceptable(h) && double.Parse(h.EValue) < 1e-5);
                Assert.Contains(hits, h => h.Type == "hhsearch" && Near(h.QueryRange, domain.Range) && double.Parse(h.Probability!) >= 90
                    && h.HitRange.TotalLength > 0.6 * tree.Reference.Domains[h.Target].Length);
            }
        }
        counts.Sort();
        Assert.InRange(counts[counts.Count / 2], 20, 80);
    }

    /// <summary>Long enough, a usable e-value and reference coverage above one half.</summary>
    private bool Acceptable(SummaryHit h) =>
        h.QueryRange.TotalLength >= 25 && double.Parse(h.EValue) < 1 && h.HitRange.TotalLength > 0.5 * tree.Reference.Domains[h.Target].Length;

    private static bool Near(ResidueRange hit, ResidueRange truth) =>
        hit.Segments.Count == truth.Segments.Count
        && hit.Segments.Zip(truth.Segments).All(p => Math.Abs(p.First.Start - p.Second.Start) <= Tolerance && Math.Abs(p.First.End - p.Second.End) <= Tolerance);

    private static IEnumerable<string> Key(IEnumerable<SummaryHit> hits, bool legacyTargets) =>
        hits.Select(h => $"{h.Type}|{(h.Type == "chain_blast" && !legacyTargets ? $"{h.Target[1..5]}_{h.Target[5]}" : h.Target)}|{h.QueryRange}|{h.HitRange}|{h.EValue}|{h.Probability}")
            .Order(StringComparer.Ordinal);

    /// <summary>Per reference segment, first to last mapped query position (query-side insertions filled).</summary>
    private static ResidueRange QueryRangeWithHoles(int[] mapped, ResidueRange referenceRange, Dictionary<int, int> map)
    {
        var segments = referenceRange.Segments
            .Select(s => Enumerable.Range(s.Start, s.Length).Where(map.ContainsKey).Select(p => map[p]).ToArray())
            .Where(q => q.Length > 0)
            .Select(q => new Segment(q.Min(), q.Max()))
            .ToArray();
        Assert.Equal(mapped.Length, segments.Sum(s => Enumerable.Range(s.Start, s.Length).Count(mapped.Contains)));
        return ResidueRange.FromSegments(segments);
    }
}
