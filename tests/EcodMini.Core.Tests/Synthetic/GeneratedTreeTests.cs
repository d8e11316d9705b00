using System.Text.RegularExpressions;
using EcodMini.Core.Model;
using EcodMini.Synthetic;

namespace EcodMini.Core.Tests.Synthetic;

public sealed partial class GeneratedTreeTests(GeneratedTreeFixture tree) : IClassFixture<GeneratedTreeFixture>
{
    [Fact]
    public void Writes_the_layout()
    {
        var info = tree.Info;
        Assert.Equal(300, info.ProteinCount);
        Assert.Equal(3, info.BatchDirectories.Count);
        foreach (var name in new[] { "domain_definitions.csv", "domain_lengths.csv", "protein_lengths.csv", "reference_blacklist.csv" })
            Assert.True(File.Exists(Path.Combine(info.ReferenceDirectory, name)), name);
        Assert.StartsWith("domain_id,pdb_id,chain_id,range,length,t_group,h_group", File.ReadAllText(Path.Combine(info.ReferenceDirectory, "domain_definitions.csv")));
        Assert.StartsWith("pdb_id,chain_id,reason,date_added,added_by", File.ReadAllText(Path.Combine(info.ReferenceDirectory, "reference_blacklist.csv")));
        Assert.NotEmpty(tree.Reference.Blacklist);
        for (var i = 0; i < info.BatchDirectories.Count; i++)
            Assert.Matches($"^ecod_batch_{i + 1:000}_20[0-9]{{6}}_[0-2][0-9][0-5][0-9]$", Path.GetFileName(info.BatchDirectories[i]));
        foreach (var chain in tree.Truth.Chains)
        {
            Assert.True(File.Exists(tree.SummaryPath(chain)), chain.ProteinId);
            Assert.True(File.Exists(tree.SummaryPath(chain, "domains_v1")), chain.ProteinId);
            Assert.True(File.Exists(tree.BlastPath(chain)), chain.ProteinId);
        }
    }

    [Fact]
    public void Protein_ids_are_valid_unique_and_disjoint_from_the_reference()
    {
        var ids = tree.Truth.Chains.Select(c => c.ProteinId).ToArray();
        Assert.All(ids, id => Assert.True(ProteinId.TryParse(id, out _), id));
        Assert.All(ids, id => Assert.Matches(PdbPattern(), id));
        var pdbs = ids.Select(id => id[..4]).ToArray();
        Assert.Equal(pdbs.Length, pdbs.Distinct().Count());
        Assert.Empty(pdbs.Intersect(tree.Reference.ProteinLengths.Keys.Select(k => k.Pdb)));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(tree.Reference.Domains.Keys, id => Assert.Matches(EcodIdPattern(), id));
    }

    [Fact]
    public void About_nine_in_ten_chains_are_representatives()
    {
        var listed = RepresentativeIds();
        var share = (double)listed.Count / tree.Truth.Chains.Count;
        Assert.InRange(share, 0.85, 0.95);
        Assert.Equal(tree.Info.RepresentativeCount, listed.Count);
        Assert.Equal(tree.Truth.Chains.Where(c => c.Representative).Select(c => c.ProteinId).ToHashSet(), listed);
    }

    [Fact]
    public void The_representative_list_reads_with_the_scanner_rules()
    {
        var list = EcodMini.Core.Scanning.RepresentativeList.Load(tree.Info.RepresentativeListPath);
        Assert.Equal(0, list.InvalidLines);
        Assert.Equal(RepresentativeIds(), list.ProteinIds);
    }

    [Fact]
    public void Every_category_is_present_with_its_shape()
    {
        var byCategory = tree.Truth.Chains.GroupBy(c => c.Category).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal(ChainCategoryNames.All.Order(), byCategory.Keys.Order());

        Assert.All(byCategory["single_domain"], c => Assert.Single(c.Domains));
        Assert.All(byCategory["multi_domain"], c => Assert.InRange(c.Domains.Count, 2, 5));
        Assert.All(byCategory["no_evidence"], c => Assert.Empty(c.Domains));
        Assert.All(byCategory["long"], c => Assert.True(c.Length > 1500, $"{c.ProteinId} has {c.Length} residues"));
        Assert.All(byCategory["insertion"], c =>
        {
            var host = c.Domains.Single(d => d.Range.IsDiscontinuous && c.Domains.Any(o => o != d && o.Range.Start > d.Range.Segments[0].End && o.Range.End < d.Range.Segments[1].Start));
            Assert.Equal(2, host.Range.Segments.Count);
        });
    }

    [Fact]
    public void True_domains_lie_inside_the_chain_do_not_overlap_and_come_from_the_reference()
    {
        foreach (var chain in tree.Truth.Chains)
        {
            var seen = new HashSet<int>();
            foreach (var domain in chain.Domains)
            {
                Assert.InRange(domain.Range.End, 1, chain.Length);
                Assert.All(domain.Range.Positions(), p => Assert.True(seen.Add(p), $"{chain.ProteinId}: residue {p} in two domains"));
                Assert.True(tree.Reference.Domains.TryGetValue(domain.EcodDomainId, out var source), domain.EcodDomainId);
                Assert.Equal(source.TGroup, domain.TGroup);
                Assert.Matches(@"^\d+\.\d+\.\d+$", domain.TGroup);
            }
            Assert.Equal(chain.Domains.OrderBy(d => d.Range.Start), chain.Domains);
        }
    }

    [Fact]
    public void Truth_file_round_trips()
    {
        Assert.Equal(tree.Options.Seed, tree.Truth.Seed);
        Assert.Equal("develop291", tree.Truth.ReferenceVersion);
        Assert.Equal(300, tree.Truth.Chains.Count);
        Assert.All(tree.Truth.Chains, c => Assert.StartsWith("ecod_batch_", c.Batch));
    }

    private HashSet<string> RepresentativeIds() =>
        File.ReadLines(tree.Info.RepresentativeListPath).Where(l => !l.StartsWith('#') && l.Length > 0).ToHashSet();

    [GeneratedRegex("^[0-9][0-9a-z]{3}_[A-Z]$")]
    private static partial Regex PdbPattern();

    [GeneratedRegex("^e[0-9][0-9a-z]{3}[A-Z][1-4]$")]
    private static partial Regex EcodIdPattern();
}
