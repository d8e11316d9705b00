namespace EcodMini.Core.Algorithm;

/// <summary>
/// Every tunable number of the partitioning algorithm (ALGORITHM.md), in one place, with its default.
/// Plain property types (int, double, bool, bool? where unset means "follows another setting", double[]) so a PowerShell hashtable can set any of them by name.
/// Call <see cref="Validate"/> after building a custom instance.
/// </summary>
public sealed record PartitionOptions
{
    // --- Selection (section 7)
    public int MinDomainSize { get; init; } = 25;
    /// <summary>A hit is accepted only when the unused fraction of its positions is strictly above this.</summary>
    public double NewCoverageThreshold { get; init; } = 0.7;
    /// <summary>A hit is accepted only when the used fraction of its positions is strictly below this.</summary>
    public double OldCoverageThreshold { get; init; } = 0.1;

    /// <summary>Longest sequence accepted (guards memory against absurd lengths); longer is an input error.</summary>
    public int MaxSequenceLength { get; init; } = 100_000;

    // --- Boundary optimisation (section 9)
    public int NeighborTolerance { get; init; } = 5;
    public int SmallOverlapMax { get; init; } = 5;

    // --- Decomposition (section 8)
    public int MinMappedPositions { get; init; } = 20;
    public double DecomposedPieceMinCoverage { get; init; } = 0.5;
    public double DecomposedPieceMinConfidence { get; init; } = 0.5;
    /// <summary>Query-side holes inside a decomposed piece shorter than this are filled (section 12). 0 disables.</summary>
    public int HoleFillMaxLength { get; init; } = 25;
    /// <summary>
    /// A raw BLAST alignment is used for a summary's chain hit only when their query spans overlap by at least this
    /// fraction of the shorter span (else the file and the summary disagree, e.g. a raw file from another run).
    /// </summary>
    public double RawAlignmentMinOverlap { get; init; } = 0.5;

    // --- Agreement of independent hits (docs/ALGORITHM-NOTES.md; PartitionOptions.Original switches all off)
    /// <summary>Two domain BLAST/HHsearch hits agree when each has at least this fraction of its query positions inside the other.</summary>
    public double AgreementOverlap { get; init; } = 0.5;
    /// <summary>Candidates of a phase are tried in order of agreeing independent hits (most first), then section 6's order.</summary>
    public bool OrderBySupport { get; init; } = true;
    /// <summary>A domain takes the residues that at least half of the agreeing hits cover (a per-end median), not one hit's range.</summary>
    public bool ConsensusBoundaries { get; init; } = true;
    /// <summary>A hit no other independent hit agrees with is accepted only at this confidence or above. 0 disables.</summary>
    public double LoneHitMinConfidence { get; init; } = 0.8;
    /// <summary>
    /// A hit below its section 4 threshold is still a candidate when at least this many independent hits (itself included) of
    /// its H-group agree on the region. 0 disables.
    /// </summary>
    public int AgreementMinHits { get; init; } = 3;
    /// <summary>Such a sub-threshold hit still needs this confidence.</summary>
    public double AgreementMinConfidence { get; init; } = 0.45;
    /// <summary>Such a sub-threshold hit still needs this reference coverage.</summary>
    public double AgreementMinReferenceCoverage { get; init; } = 0.5;
    /// <summary>
    /// Weak hits vote (issue 22): a domain BLAST or HHsearch hit below every floor (section 4 and the sub-threshold floors above)
    /// with a known H-group is kept as vote-only evidence: never a candidate and never used for boundaries, projection,
    /// naming or outvote weight, it adds to the support of agreeing candidates of its H-group (not of another T-group).
    /// Off: outputs are exactly those without the rule.
    /// </summary>
    public bool WeakHitVotes { get; init; } = true;
    /// <summary>Least confidence of a vote-only hit (HHsearch: a probability of about 21% at reference coverage 0.7 or less, 15% at 0.9).</summary>
    public double WeakVoteMinConfidence { get; init; } = 0.2;
    /// <summary>Least reference coverage of a vote-only hit.</summary>
    public double WeakVoteMinReferenceCoverage { get; init; } = 0.5;
    /// <summary>Vote-only hits add to a candidate's support only when at least this many independent ones agree with it.</summary>
    public int WeakVoteMinVoters { get; init; } = 2;
    /// <summary>A hit is not accepted when a candidate hit of another T-group over the same region has agreeing independent hits of more summed confidence.</summary>
    public bool OutvoteCompetingHits { get; init; } = true;
    /// <summary>
    /// After selection, a domain grows into adjacent unassigned residues by the part of its reference domain its hits leave
    /// unaligned (median over agreeing hits), when that projection makes the hits agree better than their raw ends do.
    /// </summary>
    public bool ProjectReferenceEnds { get; init; } = true;
    /// <summary>
    /// An unassigned run of at least MinDomainSize residues beyond an inserted domain becomes the second segment of the host on
    /// the insert's other side when the host's hits leave about that many reference residues unaligned on that side.
    /// </summary>
    public bool ClaimHostRemainders { get; init; } = true;
    /// <summary>How far (fraction of the run; at least 2 x NeighborTolerance residues) the host's unaligned remainder may differ from the run.</summary>
    public double HostRemainderTolerance { get; init; } = 0.3;
    /// <summary>An unassigned run between two domains is cut where their agreeing hits explain it best, not at its middle.</summary>
    public bool SplitGapsByAgreement { get; init; } = true;
    /// <summary>Agreeing hits with a hit range needed before their ends are projected.</summary>
    public int ProjectionMinHits { get; init; } = 2;
    /// <summary>
    /// Projection is used at an end only when the hits' raw ends there disagree by more than this (median absolute deviation,
    /// residues): hits that all end alike already say where the domain ends.
    /// </summary>
    public double ProjectionMinRawSpread { get; init; } = 3;

    /// <summary>True when any agreement rule is on (the engine then compares the chain's hits pairwise).</summary>
    internal bool UsesAgreement() => OrderBySupport || ConsensusBoundaries || LoneHitMinConfidence > 0 || AgreementMinHits > 0
        || OutvoteCompetingHits || ProjectReferenceEnds || SplitGapsByAgreement || ClaimHostRemainders;

    /// <summary>The algorithm as specified in ALGORITHM.md, before the agreement rules (for before/after measurements).</summary>
    public static PartitionOptions Original { get; } = new()
    {
        OrderBySupport = false,
        ConsensusBoundaries = false,
        LoneHitMinConfidence = 0,
        AgreementMinHits = 0,
        OutvoteCompetingHits = false,
        ProjectReferenceEnds = false,
        SplitGapsByAgreement = false,
        ClaimHostRemainders = false,
        WeakHitVotes = false,
    };

    // --- Reference data and thresholds (sections 3-4)
    public bool RequireReferenceLengths { get; init; } = true;
    public bool ApplyQualityThresholds { get; init; } = true;
    public double HhSearchMinConfidence { get; init; } = 0.65;
    public double HhSearchMinReferenceCoverage { get; init; } = 0.60;
    public double DomainBlastMinConfidence { get; init; } = 0.50;
    public double DomainBlastMinReferenceCoverage { get; init; } = 0.50;
    public double DecomposedMinConfidence { get; init; } = 0.50;
    public double DecomposedMinReferenceCoverage { get; init; } = 0.50;

    // --- Confidence (section 3)
    /// <summary>Upper e-value limits (strictly less than) of the confidence bins, ascending.</summary>
    public double[] EvalueBinLimits { get; init; } = [1e-10, 1e-8, 1e-5, 1e-3, 0.01, 0.1, 1.0];
    /// <summary>Base confidence of each bin of <see cref="EvalueBinLimits"/> (same length).</summary>
    public double[] EvalueBinConfidences { get; init; } = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];
    /// <summary>Base confidence when the e-value is at or above the last limit.</summary>
    public double EvalueFallbackConfidence { get; init; } = 0.2;
    /// <summary>Base confidence with neither e-value nor probability.</summary>
    public double NoScoreConfidence { get; init; } = 0.1;
    /// <summary>
    /// A chain with an HHsearch probability above 1 has all of its probabilities on the 0-100 scale, so a listed 0.8% hit is
    /// 0.8%, not 80% (<see cref="ProbabilityScale"/>). False: each probability on its own, as ALGORITHM.md section 3 (1 or
    /// under is a fraction). Null (default): as <see cref="WeakHitVotes"/>, the rule it came with (issue 22), so that
    /// switching the votes off alone gives the engine before that issue byte for byte.
    /// </summary>
    public bool? ProbabilityScaleByChain { get; init; }

    /// <summary>Whether probabilities are read on the chain's scale: <see cref="ProbabilityScaleByChain"/>, else <see cref="WeakHitVotes"/>.</summary>
    internal bool ReadsProbabilitiesByChain => ProbabilityScaleByChain ?? WeakHitVotes;
    public double ProbabilityMinBase { get; init; } = 0.1;
    public double ProbabilityMaxBase { get; init; } = 0.9;
    /// <summary>E-value used for ordering when a hit has none.</summary>
    public double MissingEvalue { get; init; } = 999;

    public double DomainBlastFactor { get; init; } = 1.0;
    public double HhSearchFactor { get; init; } = 0.95;
    public double ChainBlastFactor { get; init; } = 0.9;
    public double ChainBlastDecomposedFactor { get; init; } = 0.85;
    public double OtherTypeFactor { get; init; } = 0.8;

    public double CoverageBonusThreshold { get; init; } = 0.7;
    public double CoverageBonusSlope { get; init; } = 0.2;
    public double CoverageBonusMax { get; init; } = 0.1;
    public double CoveragePenaltyThreshold { get; init; } = 0.3;
    public double CoveragePenaltySlope { get; init; } = 0.2;
    public double CoveragePenaltyMax { get; init; } = 0.1;
    public double AlignmentBonusThreshold { get; init; } = 0.7;
    public double AlignmentBonusSlope { get; init; } = 0.1;
    public double AlignmentBonusMax { get; init; } = 0.05;
    public double MinConfidence { get; init; } = 0.05;
    public double MaxConfidence { get; init; } = 0.95;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first property with a nonsense value; returns this.</summary>
    public PartitionOptions Validate()
    {
        Positive(MinDomainSize, nameof(MinDomainSize));
        Positive(MaxSequenceLength, nameof(MaxSequenceLength));
        Fraction(NewCoverageThreshold, nameof(NewCoverageThreshold));
        Fraction(OldCoverageThreshold, nameof(OldCoverageThreshold));
        NonNegative(NeighborTolerance, nameof(NeighborTolerance));
        NonNegative(SmallOverlapMax, nameof(SmallOverlapMax));
        Positive(MinMappedPositions, nameof(MinMappedPositions));
        Fraction(DecomposedPieceMinCoverage, nameof(DecomposedPieceMinCoverage));
        Fraction(DecomposedPieceMinConfidence, nameof(DecomposedPieceMinConfidence));
        NonNegative(HoleFillMaxLength, nameof(HoleFillMaxLength));
        Fraction(RawAlignmentMinOverlap, nameof(RawAlignmentMinOverlap));
        Fraction(HhSearchMinConfidence, nameof(HhSearchMinConfidence));
        NonNegativeFinite(HhSearchMinReferenceCoverage, nameof(HhSearchMinReferenceCoverage));
        Fraction(DomainBlastMinConfidence, nameof(DomainBlastMinConfidence));
        NonNegativeFinite(DomainBlastMinReferenceCoverage, nameof(DomainBlastMinReferenceCoverage));
        Fraction(DecomposedMinConfidence, nameof(DecomposedMinConfidence));
        NonNegativeFinite(DecomposedMinReferenceCoverage, nameof(DecomposedMinReferenceCoverage));
        if (EvalueBinLimits is null || EvalueBinLimits.Length == 0)
            throw new ArgumentException("must hold at least one limit", nameof(EvalueBinLimits));
        for (var i = 0; i < EvalueBinLimits.Length; i++)
        {
            NonNegativeFinite(EvalueBinLimits[i], nameof(EvalueBinLimits));
            if (i > 0 && EvalueBinLimits[i] <= EvalueBinLimits[i - 1])
                throw new ArgumentException("limits must be strictly ascending", nameof(EvalueBinLimits));
        }
        if (EvalueBinConfidences is null || EvalueBinConfidences.Length != EvalueBinLimits.Length)
            throw new ArgumentException($"must hold one confidence per limit ({EvalueBinLimits.Length})", nameof(EvalueBinConfidences));
        foreach (var c in EvalueBinConfidences) Fraction(c, nameof(EvalueBinConfidences));
        Fraction(EvalueFallbackConfidence, nameof(EvalueFallbackConfidence));
        Fraction(NoScoreConfidence, nameof(NoScoreConfidence));
        Fraction(ProbabilityMinBase, nameof(ProbabilityMinBase));
        Fraction(ProbabilityMaxBase, nameof(ProbabilityMaxBase));
        if (ProbabilityMaxBase < ProbabilityMinBase)
            throw new ArgumentException("must be >= ProbabilityMinBase", nameof(ProbabilityMaxBase));
        NonNegativeFinite(MissingEvalue, nameof(MissingEvalue));
        NonNegativeFinite(DomainBlastFactor, nameof(DomainBlastFactor));
        NonNegativeFinite(HhSearchFactor, nameof(HhSearchFactor));
        NonNegativeFinite(ChainBlastFactor, nameof(ChainBlastFactor));
        NonNegativeFinite(ChainBlastDecomposedFactor, nameof(ChainBlastDecomposedFactor));
        NonNegativeFinite(OtherTypeFactor, nameof(OtherTypeFactor));
        Fraction(CoverageBonusThreshold, nameof(CoverageBonusThreshold));
        NonNegativeFinite(CoverageBonusSlope, nameof(CoverageBonusSlope));
        NonNegativeFinite(CoverageBonusMax, nameof(CoverageBonusMax));
        Fraction(CoveragePenaltyThreshold, nameof(CoveragePenaltyThreshold));
        NonNegativeFinite(CoveragePenaltySlope, nameof(CoveragePenaltySlope));
        NonNegativeFinite(CoveragePenaltyMax, nameof(CoveragePenaltyMax));
        Fraction(AlignmentBonusThreshold, nameof(AlignmentBonusThreshold));
        NonNegativeFinite(AlignmentBonusSlope, nameof(AlignmentBonusSlope));
        NonNegativeFinite(AlignmentBonusMax, nameof(AlignmentBonusMax));
        Fraction(MinConfidence, nameof(MinConfidence));
        Fraction(MaxConfidence, nameof(MaxConfidence));
        Fraction(AgreementOverlap, nameof(AgreementOverlap));
        Fraction(LoneHitMinConfidence, nameof(LoneHitMinConfidence));
        NonNegative(AgreementMinHits, nameof(AgreementMinHits));
        Fraction(AgreementMinConfidence, nameof(AgreementMinConfidence));
        Fraction(AgreementMinReferenceCoverage, nameof(AgreementMinReferenceCoverage));
        Positive(ProjectionMinHits, nameof(ProjectionMinHits));
        Fraction(WeakVoteMinConfidence, nameof(WeakVoteMinConfidence));
        Fraction(WeakVoteMinReferenceCoverage, nameof(WeakVoteMinReferenceCoverage));
        Positive(WeakVoteMinVoters, nameof(WeakVoteMinVoters));
        NonNegativeFinite(ProjectionMinRawSpread, nameof(ProjectionMinRawSpread));
        Fraction(HostRemainderTolerance, nameof(HostRemainderTolerance));
        if (MaxConfidence < MinConfidence) throw new ArgumentException("must be >= MinConfidence", nameof(MaxConfidence));
        return this;
    }

    private static void Positive(int value, string name)
    {
        if (value < 1) throw new ArgumentException($"must be >= 1 (got {value})", name);
    }

    private static void NonNegative(int value, string name)
    {
        if (value < 0) throw new ArgumentException($"must be >= 0 (got {value})", name);
    }

    private static void NonNegativeFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0) throw new ArgumentException($"must be a finite number >= 0 (got {value})", name);
    }

    private static void Fraction(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1) throw new ArgumentException($"must be between 0 and 1 (got {value})", name);
    }
}
