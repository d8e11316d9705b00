using System.Globalization;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Bench.RemotePattern;

/// <summary>What a case's weaker hits are, and what the engine should make of the case.</summary>
internal enum PatternKind
{
    /// <summary>HHsearch candidate at 55-75%, two to four 10-40% hits of its T-group: one domain expected.</summary>
    HhSearchCandidate,
    /// <summary>Domain BLAST candidate at an e-value between 1e-3 and 3e-2, weaker hits as above: one domain expected.</summary>
    DomainBlastCandidate,
    /// <summary>HHsearch candidate at 55-75%, two to four 10-40% hits of another T-group of its H-group: no domain.</summary>
    OtherTGroupHits,
    /// <summary>HHsearch candidate at 55-75%, two to four hits of its T-group under 10%: no domain.</summary>
    HitsUnderTenPercent,
}

/// <summary>One sampled chain and the range of its candidate hit.</summary>
internal sealed record PatternCase(PatternKind Kind, ChainEvidence Chain, ResidueRange CandidateRange);

/// <summary>
/// Samples issue 22's pattern from the words. The remote domain starts at residue 61 of a 320-residue chain; every hit
/// aligns 0.6-0.9 of its reference domain (80-160 residues) from a random offset, so hits of one domain start and end at
/// different places, and its query start moves by up to 3 residues more.
/// </summary>
internal sealed class PatternCases
{
    public const string OwnTGroup = "1.1.1";
    private const int ChainLength = 320;
    private const int DomainStart = 61;
    private static readonly ProteinId Query = ProteinId.Create("9xyz", "A");

    private readonly Random _random;
    private readonly List<ReferenceDomain> _own;
    private readonly List<ReferenceDomain> _other;

    public PatternCases(int seed)
    {
        _random = new Random(seed);
        _own = Domains("1", OwnTGroup, 40);
        _other = Domains("2", "1.1.2", 20);
        List<ReferenceDomain> all = [.. _own, .. _other];
        Reference = ReferenceData.Create(all, all.Select(d => KeyValuePair.Create(d.DomainId, d.Length)), []);
    }

    public ReferenceData Reference { get; }

    /// <summary>True for the kinds that hold a real remote domain (the others are guards: no domain is right).</summary>
    public static bool ExpectsDomain(PatternKind kind) => kind is PatternKind.HhSearchCandidate or PatternKind.DomainBlastCandidate;

    public PatternCase Next(PatternKind kind)
    {
        var targets = _own.OrderBy(_ => _random.Next()).ToList();
        var candidateTarget = targets[0];
        var weakerCount = _random.Next(2, 5);
        var weakerTargets = kind == PatternKind.OtherTGroupHits
            ? _other.OrderBy(_ => _random.Next()).Take(weakerCount)
            : targets.Skip(1).Take(weakerCount);
        var candidate = kind == PatternKind.DomainBlastCandidate
            ? Hit(candidateTarget, EvidenceType.DomainBlast, Math.Pow(10, Uniform(-3, Math.Log10(3e-2))), null)
            : Hit(candidateTarget, EvidenceType.HhSearch, 1.0, Uniform(55, 75));
        var (low, high) = kind == PatternKind.HitsUnderTenPercent ? (1.0, 10.0) : (10.0, 40.0);
        var weaker = weakerTargets.Select(t => Hit(t, EvidenceType.HhSearch, 10.0, Uniform(low, high))).ToList();
        var chain = new ChainEvidence { Protein = Query, Length = ChainLength, Hits = [candidate, .. weaker] };
        return new PatternCase(kind, chain, ResidueRange.Parse(candidate.QueryRange!));
    }

    private SummaryHit Hit(ReferenceDomain target, string type, double evalue, double? probability)
    {
        var aligned = (int)Math.Round(Uniform(0.6, 0.9) * target.Length);
        var hitStart = _random.Next(1, target.Length - aligned + 2);
        var queryStart = DomainStart + hitStart - 1 + _random.Next(-3, 4);
        return new SummaryHit
        {
            Type = type, TargetId = target.DomainId,
            QueryRange = Range(queryStart, aligned), HitRange = Range(hitStart, aligned),
            Evalue = evalue.ToString("0.0##e+00", CultureInfo.InvariantCulture),
            Probability = probability?.ToString("0.0", CultureInfo.InvariantCulture),
        };
    }

    private List<ReferenceDomain> Domains(string prefix, string tGroup, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var length = _random.Next(80, 161);
            var id = string.Create(CultureInfo.InvariantCulture, $"e{prefix}{i:00}aA1");
            return new ReferenceDomain(id, id[1..5], "A", ResidueRange.Parse(Range(1, length)), length, tGroup, "1.1");
        }).ToList();

    private double Uniform(double low, double high) => low + _random.NextDouble() * (high - low);

    private static string Range(int start, int length) => string.Create(CultureInfo.InvariantCulture, $"{start}-{start + length - 1}");
}
