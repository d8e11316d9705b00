using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Algorithm;

public class CandidateOrderTests
{
    private static Evidence E(string range, double? evalue, double confidence, string pdb, string id, int index = 0) => new()
    {
        Type = EvidenceType.DomainBlast, TargetId = id, Pdb = pdb, Chain = "A", QueryRange = ResidueRange.Parse(range),
        Evalue = evalue, Confidence = confidence, Index = index,
    };

    private static List<string> Sorted(params Evidence[] items)
    {
        var list = items.ToList();
        list.Sort(new CandidateOrder(999));
        return list.Select(e => e.TargetId).ToList();
    }

    [Fact]
    public void MorePositionsFirst() =>
        Assert.Equal(["big", "small"], Sorted(E("1-50", 1e-50, 0.9, "1aaa", "small"), E("1-60", 1, 0.1, "1aaa", "big")));

    [Fact]
    public void ThenLowerEvalueWithMissingAs999() =>
        Assert.Equal(["low", "missing", "above999"], Sorted(E("1-50", 1000, 0.9, "1aaa", "above999"), E("1-50", null, 0.9, "1aaa", "missing"), E("1-50", 1e-5, 0.1, "1aaa", "low")));

    [Fact]
    public void ThenHigherConfidence() =>
        Assert.Equal(["high", "low"], Sorted(E("1-50", 1e-5, 0.5, "1aaa", "low"), E("1-50", 1e-5, 0.8, "1zzz", "high")));

    [Fact]
    public void ThenSourcePdbThenIdOrdinal() =>
        Assert.Equal(["B", "c", "a"], Sorted(E("1-50", 1e-5, 0.5, "2aaa", "a"), E("1-50", 1e-5, 0.5, "1aaa", "c"), E("1-50", 1e-5, 0.5, "1aaa", "B")));

    [Fact]
    public void OrderIsTotalAndIndependentOfInputOrder()
    {
        var items = new[]
        {
            E("1-50", 1e-5, 0.5, "1aaa", "x", 0), E("11-60", 1e-5, 0.5, "1aaa", "x", 1), E("1-50", 1e-5, 0.5, "1aaa", "x", 2),
            E("1-40", null, 0.5, "1aaa", "y", 3), E("1-40", 0, 0.5, "1aaa", "z", 4),
        };
        var expected = Sorted(items);
        var rng = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = items.OrderBy(_ => rng.Next()).ToList();
            shuffled.Sort(new CandidateOrder(999));
            Assert.Equal(new[] { 0, 2, 1, 4, 3 }, shuffled.Select(e => e.Index));
        }
        Assert.Equal(5, expected.Count);
    }
}
