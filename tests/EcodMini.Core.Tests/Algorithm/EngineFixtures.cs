using System.Text;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Algorithm;

/// <summary>Hand-built reference data, hits and alignments for engine tests.</summary>
internal static class EngineFixtures
{
    public static readonly ProteinId Query = ProteinId.Create("8ovp", "A");

    public static ReferenceDomain Domain(string id, string pdb, string chain, string range, string? tGroup = null) =>
        new(id, pdb, chain, ResidueRange.Parse(range), ResidueRange.Parse(range).TotalLength, tGroup, tGroup is null ? null : tGroup + ".h");

    /// <summary>Reference data where every domain's length is its range length and every chain length is given.</summary>
    public static ReferenceData Reference(IEnumerable<ReferenceDomain> domains, IEnumerable<(string, string, int)>? chainLengths = null,
        IEnumerable<(string, string)>? blacklist = null, IEnumerable<KeyValuePair<string, int>>? extraLengths = null)
    {
        var list = domains.ToList();
        var lengths = list.Select(d => KeyValuePair.Create(d.DomainId, d.Length)).Concat(extraLengths ?? []).ToList();
        return ReferenceData.Create(list, lengths, chainLengths ?? [], blacklist);
    }

    public static SummaryHit DomainHit(string target, string query, string hit, string? evalue = "1e-30", string type = EvidenceType.DomainBlast,
        string? probability = null) =>
        new() { Type = type, TargetId = target, QueryRange = query, HitRange = hit, Evalue = evalue, Probability = probability };

    public static SummaryHit ChainHit(string target, string query, string hit, string? evalue = "1e-50") =>
        new() { Type = EvidenceType.ChainBlast, TargetId = target, QueryRange = query, HitRange = hit, Evalue = evalue };

    public static ChainEvidence Chain(int length, IEnumerable<SummaryHit> hits, IReadOnlyDictionary<string, ChainAlignment>? alignments = null) =>
        new() { Protein = Query, Length = length, Hits = hits.ToList(), Alignments = alignments ?? new Dictionary<string, ChainAlignment>() };

    public static PartitionResult Run(ReferenceData reference, ChainEvidence chain, PartitionOptions? options = null) =>
        new PartitionEngine(reference, options ?? new PartitionOptions()).Partition(chain);

    /// <summary>
    /// Builds aligned strings from blocks: (n, 'M') n aligned residue pairs, (n, 'I') n query residues against hit gaps,
    /// (n, 'D') n hit residues against query gaps.
    /// </summary>
    public static (string Query, string Hit) Aligned(params (int Count, char Op)[] blocks)
    {
        var q = new StringBuilder();
        var h = new StringBuilder();
        foreach (var (n, op) in blocks)
        {
            q.Append(op == 'D' ? '-' : 'A', n);
            h.Append(op == 'I' ? '-' : 'G', n);
        }
        return (q.ToString(), h.ToString());
    }

    public static IReadOnlyDictionary<string, ChainAlignment> Alignment(string pdb, string chain, int queryStart, int hitStart,
        params (int Count, char Op)[] blocks)
    {
        var (q, h) = Aligned(blocks);
        return new Dictionary<string, ChainAlignment> { [ChainEvidence.AlignmentKey(pdb, chain)] = new(q, h, queryStart, hitStart) };
    }

    public static string Ranges(PartitionResult r) => string.Join(" ", r.Domains.Select(d => d.Range.ToString()));

    /// <summary>The GFP-in-PBP chain: 517 residues; PBP reference 2ia4 B (one domain, 270 residues) interrupted by a GFP (6dgv A) at 253-499.</summary>
    public static (ReferenceData Reference, ChainEvidence Chain) GfpInPbp()
    {
        var reference = Reference(
            [Domain("e2ia4B1", "2ia4", "B", "1-270", "7.3.1"), Domain("e2ia4A1", "2ia4", "A", "1-130", "1.1.1"), Domain("e2ia4A2", "2ia4", "A", "131-270", "1.1.2"),
             Domain("e6dgvA1", "6dgv", "A", "1-247", "109.4.1")],
            [("2ia4", "B", 270), ("2ia4", "A", 270), ("6dgv", "A", 247)]);
        var alignments = Alignment("2ia4", "B", 2, 3, (247, 'M'), (251, 'I'), (1, 'D'), (18, 'M'));
        var chain = Chain(517,
        [
            ChainHit("e2ia4B1", "2-517", "3-268"),
            DomainHit("e6dgvA1", "253-499", "1-247", "2.5e-30"),
            DomainHit("e6dgvA1", "255-495", "3-243", "1.5e-25", EvidenceType.HhSearch, "95.2"),
        ], alignments);
        return (reference, chain);
    }
}
