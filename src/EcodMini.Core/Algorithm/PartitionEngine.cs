using System.Globalization;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Algorithm;

/// <summary>
/// The pure, in-memory partitioning algorithm (ALGORITHM.md sections 3-10). Thread-safe: all state is per call.
/// The result has no timestamp, input hash or paths; <see cref="Pipeline.ChainPartitionRunner"/> adds those.
/// </summary>
public sealed class PartitionEngine(ReferenceData reference, PartitionOptions options)
{
    public ReferenceData Reference { get; } = reference;
    public PartitionOptions Options { get; } = options;

    /// <summary>
    /// Partitions one chain. Throws <see cref="FormatException"/> only when the sequence length cannot be established
    /// (no recorded length, no sequence, no reference length and no usable hit) or exceeds
    /// <see cref="PartitionOptions.MaxSequenceLength"/>; malformed hits are rejected and counted.
    /// </summary>
    public PartitionResult Partition(ChainEvidence chain, CancellationToken cancellationToken = default)
    {
        var log = new RejectionLog();
        var flags = new List<QualityFlag>();
        var length = ResolveLength(chain, flags, log);
        if (length > Options.MaxSequenceLength)
            throw new FormatException($"sequence length {length} exceeds MaxSequenceLength {Options.MaxSequenceLength}");

        var evidenceCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var builder = new EvidenceBuilder(Reference, Options, log, ProbabilityScale.IsPercent(Options, chain.Hits));
        var chainHits = new List<Evidence>();
        var domainHits = new List<Evidence>();
        var hhHits = new List<Evidence>();
        var voteHits = new List<Evidence>();
        for (var i = 0; i < chain.Hits.Count; i++)
        {
            var hit = chain.Hits[i];
            evidenceCounts[hit.Type] = evidenceCounts.GetValueOrDefault(hit.Type) + 1;
            var evidence = builder.Build(hit, i, length, chain.Alignments);
            if (evidence is null) continue;
            (evidence.VoteOnly ? voteHits : evidence.Type switch
            {
                EvidenceType.ChainBlast => chainHits,
                EvidenceType.DomainBlast => domainHits,
                _ => hhHits,
            }).Add(evidence);
        }
        flags.AddRange(RejectedHitFlags.From(log));
        cancellationToken.ThrowIfCancellationRequested();

        var order = new CandidateOrder(Options.MissingEvalue);
        chainHits.Sort(order);
        domainHits.Sort(order);
        hhHits.Sort(order);
        var mask = new ResidueMask(length);
        var selected = new List<WorkingDomain>();
        SelectChainHits(chainHits, mask, selected, builder, log, length);
        var agreement = Options.UsesAgreement() ? new EvidenceAgreement(domainHits.Concat(hhHits).Concat(voteHits), Options) : null;
        var domainSelector = new DomainHitSelector(Options, log, length, agreement, order);
        domainSelector.Select(domainHits, mask, selected);
        domainSelector.Select(hhHits, mask, selected);
        if (agreement is not null && Options.ProjectReferenceEnds)
            ReferenceEndProjector.Extend(selected, domainSelector.Sources, agreement, length, Options, log);
        if (agreement is not null && Options.ClaimHostRemainders)
            SplitHostClaimer.Claim(selected, domainSelector.Sources, agreement, length, Options, log);
        if (agreement is not null && Options.SplitGapsByAgreement)
            AgreementGapSplitter.Split(selected, domainSelector.Sources, agreement, length, log);

        BoundaryOptimizer.Optimize(selected, length, Options, log, flags);
        var supporting = new List<Evidence>(chainHits.Count + domainHits.Count + hhHits.Count);
        supporting.AddRange(chainHits);
        supporting.AddRange(domainHits);
        supporting.AddRange(hhHits);
        return BuildResult(chain, length, selected, supporting, evidenceCounts, log, flags);
    }

    private int ResolveLength(ChainEvidence chain, List<QualityFlag> flags, RejectionLog log)
    {
        if (chain.Length is > 0) return chain.Length.Value;
        if (!string.IsNullOrWhiteSpace(chain.Sequence)) return chain.Sequence.Length;
        if (Reference.ProteinLength(chain.Protein.Pdb, chain.Protein.Chain) is { } refLength)
        {
            log.Note($"sequence length {refLength} taken from the reference protein lengths");
            return refLength;
        }
        var furthest = 0;
        foreach (var hit in chain.Hits)
            if (ResidueRange.TryParse(hit.QueryRange, out var r)) furthest = Math.Max(furthest, r.End);
        if (furthest == 0) throw new FormatException("sequence length cannot be established (no length, sequence or usable hit)");
        flags.Add(new QualityFlag("length_estimated", QualityFlag.Warning,
            string.Create(CultureInfo.InvariantCulture, $"no length recorded; estimated {furthest} from the furthest hit end")));
        log.Note($"sequence length estimated as {furthest} (furthest hit end)");
        return furthest;
    }

    private void SelectChainHits(List<Evidence> hits, ResidueMask mask, List<WorkingDomain> selected, EvidenceBuilder builder, RejectionLog log, int length)
    {
        foreach (var hit in hits)
        {
            if (!SelectionTest.Passes(hit.QueryRange, mask, Options, log)) continue;
            var label = $"chain_blast {hit.TargetId} [{hit.QueryRange}]";
            if (hit.Alignment is null)
            {
                log.Reject(RejectionReasons.NoAlignment, label);
                continue;
            }
            var refDomains = Reference.DomainsOfChain(hit.Pdb, hit.Chain);
            var result = ChainBlastDecomposer.Decompose(hit.Alignment, refDomains, hit.Confidence, length, Options);
            if (!result.Success)
            {
                log.Reject(result.FailureReason!, $"{label} ({result.Detail})");
                continue;
            }
            var accepted = 0;
            foreach (var piece in result.Pieces)
            {
                var pieceLabel = $"chain_blast_decomposed {piece.ReferenceDomain.DomainId} [{piece.QueryRange}] from {hit.TargetId}";
                if (piece.Coverage < Options.DecomposedPieceMinCoverage || piece.Confidence < Options.DecomposedPieceMinConfidence)
                {
                    log.Reject(RejectionReasons.WeakDecomposedPiece, string.Create(CultureInfo.InvariantCulture,
                        $"{pieceLabel} (coverage {piece.Coverage:0.###}, confidence {piece.Confidence:0.###}; candidate for new representative)"));
                    continue;
                }
                if (Options.ApplyQualityThresholds && !builder.PassesThresholds(EvidenceType.ChainBlastDecomposed, piece.Confidence, piece.Coverage))
                    continue;
                var rd = piece.ReferenceDomain;
                var domain = new WorkingDomain(length, piece.QueryRange, EvidenceType.ChainBlastDecomposed, rd.DomainId,
                    rd.TGroup ?? hit.Pdb, rd.TGroup, rd.HGroup, piece.Confidence, selected.Count);
                if (piece.FilledHoles > 0) domain.Actions.Add($"filled {piece.FilledHoles} query-side insertion residue(s)");
                selected.Add(domain);
                mask.Mark(piece.QueryRange);
                accepted++;
                log.Note($"accepted {pieceLabel}");
            }
            if (accepted == 0) log.Note($"{label}: no decomposed piece kept");
        }
    }

    /// <summary>Valid evidence hits with at least half of their query positions inside the domain.</summary>
    private static int CountSupporting(WorkingDomain domain, List<Evidence> supporting)
    {
        var n = 0;
        foreach (var e in supporting)
        {
            var inside = 0;
            foreach (var s in e.QueryRange.Segments)
            {
                var end = Math.Min(s.End, domain.Positions.Length - 1);
                for (var p = s.Start; p <= end; p++)
                    if (domain.Positions[p]) inside++;
            }
            if (inside * 2 >= e.QueryRange.TotalLength) n++;
        }
        return n;
    }

    private PartitionResult BuildResult(ChainEvidence chain, int length, List<WorkingDomain> selected, List<Evidence> supporting,
        SortedDictionary<string, int> evidenceCounts, RejectionLog log, List<QualityFlag> flags)
    {
        var domains = new List<PartitionDomain>(selected.Count);
        var union = new bool[length + 1];
        for (var i = 0; i < selected.Count; i++)
        {
            var w = selected[i];
            for (var p = 1; p <= length; p++) union[p] |= w.Positions[p];
            domains.Add(new PartitionDomain
            {
                Number = i + 1,
                Id = string.Create(CultureInfo.InvariantCulture, $"{chain.Protein}_{i + 1:000}"),
                Range = w.CurrentRange(),
                EcodDomainId = w.EcodDomainId,
                Family = w.Family,
                TGroup = w.TGroup,
                HGroup = w.HGroup,
                Source = w.Source,
                Confidence = w.Confidence,
                EvidenceCount = Math.Max(1, CountSupporting(w, supporting)),
                OriginalRange = w.OriginalRange,
                Actions = [.. w.Actions],
            });
        }
        var assigned = 0;
        for (var p = 1; p <= length; p++) if (union[p]) assigned++;
        return new PartitionResult
        {
            Protein = chain.Protein,
            SequenceLength = length,
            Sequence = string.IsNullOrWhiteSpace(chain.Sequence) ? null : chain.Sequence,
            Domains = domains,
            Coverage = length == 0 ? 0 : Math.Round((double)assigned / length, 4, MidpointRounding.AwayFromZero),
            EvidenceCounts = new Dictionary<string, int>(evidenceCounts, StringComparer.Ordinal),
            RejectionCounts = new Dictionary<string, int>(log.Counts, StringComparer.Ordinal),
            QualityFlags = flags,
            Decisions = log.Decisions(),
            AlgorithmVersion = AlgorithmInfo.Version,
            BatchId = chain.BatchId,
        };
    }
}
