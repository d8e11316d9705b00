using System.Globalization;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Bench.RemotePattern;

/// <summary>Partitions sampled cases of issue 22's pattern under each setting of the weak-hit votes and prints the shares.</summary>
internal static class Program
{
    /// <summary>Votes off with probabilities still read on the chain's scale (unset, the scale follows the votes).</summary>
    private static readonly PartitionOptions VotesOff = new() { WeakHitVotes = false, ProbabilityScaleByChain = true };

    private static readonly (string Name, PartitionOptions Options)[] Settings =
    [
        ("WeakHitVotes off (the engine before issue 22)", new PartitionOptions { WeakHitVotes = false }),
        ("WeakHitVotes off, ProbabilityScaleByChain on", VotesOff),
        ("defaults (WeakVoteMinConfidence 0.2, WeakVoteMinVoters 2)", new PartitionOptions()),
        ("WeakVoteMinConfidence=0.25", new PartitionOptions { WeakVoteMinConfidence = 0.25 }),
        ("WeakVoteMinConfidence=0.3", new PartitionOptions { WeakVoteMinConfidence = 0.3 }),
        ("WeakVoteMinConfidence=0.35", new PartitionOptions { WeakVoteMinConfidence = 0.35 }),
        ("WeakVoteMinVoters=1", new PartitionOptions { WeakVoteMinVoters = 1 }),
    ];

    private static int Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var seeds = (args.Length > 1 ? args[1] : "1,2,3,4").Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        var kinds = Enum.GetValues<PatternKind>();
        var counted = new int[Settings.Length, kinds.Length];
        var totals = new int[kinds.Length];
        foreach (var seed in seeds)
        {
            // Each seed draws its own reference library (domain lengths) and its own cases.
            var sampler = new PatternCases(seed);
            var sampled = kinds.SelectMany(k => Enumerable.Range(0, count).Select(_ => sampler.Next(k))).ToList();
            // The issue's pattern is what the engine without votes refuses as a lone weak hit or as weak without
            // agreement; the guard kinds are kept whole (any domain there is a false one).
            var off = new PartitionEngine(sampler.Reference, VotesOff);
            var cases = sampled.Where(c => !PatternCases.ExpectsDomain(c.Kind) || RefusedAsThePattern(off.Partition(c.Chain))).ToList();
            foreach (var c in cases) totals[(int)c.Kind]++;
            for (var i = 0; i < Settings.Length; i++)
            {
                var engine = new PartitionEngine(sampler.Reference, Settings[i].Options);
                foreach (var c in cases)
                    if (Counts(c.Kind, engine.Partition(c.Chain), c)) counted[i, (int)c.Kind]++;
            }
        }

        Console.WriteLine($"#### Issue 22's pattern as the issue describes it: seeds {string.Join(",", seeds)}, {count:N0} sampled per column "
            + "and seed; the first two columns keep the cases the engine without votes refuses as lone_weak_hit or weak_without_agreement");
        Console.WriteLine();
        Console.WriteLine("| setting | " + string.Join(" | ", kinds.Select(k => $"{Header(k)} ({totals[(int)k]:N0})")) + " |");
        Console.WriteLine("|---|" + string.Concat(kinds.Select(_ => "---|")));
        for (var i = 0; i < Settings.Length; i++)
        {
            var shares = kinds.Select(k => totals[(int)k] == 0 ? "-"
                : ((double)counted[i, (int)k] / totals[(int)k]).ToString("0.000", CultureInfo.InvariantCulture));
            Console.WriteLine($"| {Settings[i].Name} | {string.Join(" | ", shares)} |");
        }
        return 0;
    }

    private static string Header(PatternKind kind) => kind switch
    {
        PatternKind.HhSearchCandidate => "HHsearch 55-75% + 2-4 hits 10-40%: domain found",
        PatternKind.DomainBlastCandidate => "domain BLAST 1e-3..3e-2 + 2-4 hits 10-40%: domain found",
        PatternKind.OtherTGroupHits => "2-4 hits 10-40% of another T-group: domain made",
        _ => "2-4 hits of its T-group under 10%: domain made",
    };

    private static bool RefusedAsThePattern(PartitionResult result) =>
        result.DomainCount == 0
        && (result.RejectionCounts.GetValueOrDefault(RejectionReasons.LoneWeakHit) > 0
            || result.RejectionCounts.GetValueOrDefault(RejectionReasons.WeakWithoutAgreement) > 0);

    /// <summary>Expected-domain kinds: one domain of the candidate's T-group over at least half the candidate; guard kinds: any domain.</summary>
    private static bool Counts(PatternKind kind, PartitionResult result, PatternCase c) =>
        PatternCases.ExpectsDomain(kind)
            ? result.DomainCount == 1 && result.Domains[0].TGroup == PatternCases.OwnTGroup
              && Shared(result.Domains[0].Range, c.CandidateRange) * 2 >= c.CandidateRange.TotalLength
            : result.DomainCount > 0;

    private static int Shared(ResidueRange a, ResidueRange b) =>
        a.Segments.Sum(x => b.Segments.Sum(y => Math.Max(0, Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start) + 1)));
}
