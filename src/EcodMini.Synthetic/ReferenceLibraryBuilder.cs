using System.Globalization;
using System.Text;
using EcodMini.Core.Model;

namespace EcodMini.Synthetic;

/// <summary>Builds the reference library from the seed (one random stream; small and fast).</summary>
internal static class ReferenceLibraryBuilder
{
    private const ulong Stream = 1;

    /// <summary>Reference chains for a query set: scales with the query count, 300 .. 3000.</summary>
    public static int DefaultChainCount(int proteinCount) => Math.Clamp(proteinCount / 10, 300, 3000);

    public static ReferenceLibrary Build(ulong seed, int chainCount)
    {
        var random = new SyntheticRandom(seed, Stream, 0);
        var tGroups = BuildTGroups(Math.Clamp(chainCount / 6, 24, 400));
        var chains = new ReferenceChain[chainCount];
        for (var slot = 0; slot < chainCount; slot++)
            chains[slot] = BuildChain(random, seed, slot, tGroups, Blacklisted(slot));
        return new ReferenceLibrary(chains);
    }

    // About 2% of the library, at least a few chains whatever the size.
    private static bool Blacklisted(int slot) => slot % 50 == 7;

    private static string[] BuildTGroups(int count)
    {
        var groups = new string[count];
        for (var k = 0; k < count; k++)
            groups[k] = string.Create(CultureInfo.InvariantCulture, $"{1 + k / 25}.{1 + k / 5 % 5}.{1 + k % 5}");
        return groups;
    }

    public static string HGroupOf(string tGroup) => tGroup[..tGroup.LastIndexOf('.')];

    private static ReferenceChain BuildChain(SyntheticRandom random, ulong seed, int slot, string[] tGroups, bool blacklisted)
    {
        var pdb = SyntheticIds.PdbId(seed, slot);
        var chain = SyntheticIds.ChainLetter(random);
        var roll = random.NextDouble();
        var domainCount = roll < 0.4 ? 1 : roll < 0.7 ? 2 : roll < 0.9 ? 3 : 4;
        var lengths = new int[domainCount];
        for (var d = 0; d < domainCount; d++) lengths[d] = random.Chance(0.15) ? random.Between(220, 320) : random.Between(45, 220);

        // Domain 0 wraps around domain 1 (an insertion) in some multi-domain chains.
        var wrapsSecond = domainCount > 1 && random.Chance(0.2) && lengths[0] >= 80;
        var segments = new List<Segment>[domainCount];
        for (var d = 0; d < domainCount; d++) segments[d] = [];
        var position = 1 + random.Between(0, 10);
        var i = 0;
        while (i < domainCount)
        {
            if (i == 0 && wrapsSecond)
            {
                // head of domain 0, domain 1, tail of domain 0
                var head = random.Between(lengths[0] / 2, lengths[0] - 20);
                segments[0].Add(new Segment(position, position + head - 1));
                position += head + random.Between(2, 6);
                segments[1].Add(new Segment(position, position + lengths[1] - 1));
                position += lengths[1] + random.Between(2, 6);
                segments[0].Add(new Segment(position, position + lengths[0] - head - 1));
                position += lengths[0] - head + random.Between(2, 8);
                i = 2;
                continue;
            }
            segments[i].Add(new Segment(position, position + lengths[i] - 1));
            position += lengths[i] + random.Between(2, 8);
            i++;
        }
        var length = position - 1 + random.Between(0, 10);

        var domains = new ReferenceDomain[domainCount];
        for (var d = 0; d < domainCount; d++)
        {
            var tGroup = random.Pick(tGroups);
            domains[d] = new ReferenceDomain(SyntheticIds.DomainId(pdb, chain, d + 1), pdb, chain,
                ResidueRange.FromSegments(segments[d]), tGroup, HGroupOf(tGroup));
        }
        var sequence = new StringBuilder(length);
        AminoAcids.Append(sequence, random, length);
        return new ReferenceChain(pdb, chain, sequence.ToString(), domains, blacklisted);
    }
}
