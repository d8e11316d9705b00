namespace EcodMini.Synthetic;

/// <summary>
/// How noisy the evidence of a generated batch is. <see cref="Easy"/> reproduces the historic generator byte for byte;
/// <see cref="Hard"/> models what real BLAST/HHsearch output does to a partitioner. Every knob is documented on its
/// property; <see cref="Validate"/> names the first nonsense value.
/// </summary>
public sealed record SyntheticNoise
{
    /// <summary>The historic, mild noise (the default).</summary>
    public static SyntheticNoise Easy { get; } = new();

    /// <summary>Noise like real data (issue 11): every knob switched on.</summary>
    public static SyntheticNoise Hard { get; } = new()
    {
        AlignedHitRanges = true,
        BoundaryNoise = 6,
        LargeBoundaryNoise = 18,
        LargeBoundaryNoiseFraction = 0.35,
        MinHitCoverage = 0.55,
        HostTwoHspFraction = 0.5,
        RemoteMinProbability = 50,
        RemoteMaxProbability = 95,
        DecoysAroundThresholds = true,
        CompetingDecoyFraction = 0.3,
        EmptyChainSpuriousHits = 4,
    };

    /// <summary>
    /// <see cref="Hard"/> with HHsearch output as it looks against ECOD profiles (issue 22): remote homolog probabilities
    /// from a profile-quality draw, correlated sibling hits of the same family down to a few percent, background hits
    /// under 10%, HHsearch reference coverage 0.6-0.9, decoys that bring sibling hits of their own H-group, and remote homologs at
    /// about 15% identity.
    /// </summary>
    public static SyntheticNoise Realistic { get; } = Hard with
    {
        RemoteProfileQuality = true,
        RemoteMinCoverage = 0.6,
        RemoteMaxCoverage = 0.9,
        OtherTGroupSiblingFraction = 0.25,
        BackgroundHits = 6,
        DecoySiblingFraction = 0.5,
        RemoteSubstitution = 0.85,
    };

    public static SyntheticNoise For(SyntheticDifficulty difficulty) => difficulty switch
    {
        SyntheticDifficulty.Easy => Easy,
        SyntheticDifficulty.Hard => Hard,
        SyntheticDifficulty.Realistic => Realistic,
        _ => throw new ArgumentOutOfRangeException(nameof(difficulty), difficulty, null),
    };

    /// <summary>
    /// True: each true hit aligns one contiguous part of its reference domain (see <see cref="MinHitCoverage"/>); its query
    /// range is where that part landed in the query and its hit range names that part, as BLAST and HHsearch report it.
    /// False (Easy): the query range is the whole true domain and the hit range a random stretch of the target.
    /// </summary>
    public bool AlignedHitRanges { get; init; }

    /// <summary>Largest shift of a hit's query ends (and, with <see cref="AlignedHitRanges"/>, of a split host's junction ends) from where its alignment puts them.</summary>
    public int BoundaryNoise { get; init; } = 3;

    /// <summary>Largest shift of an end drawn with probability <see cref="LargeBoundaryNoiseFraction"/> (an alignment over-extended into, or stopping short of, a linker or neighbour). Aligned mode only.</summary>
    public int LargeBoundaryNoise { get; init; }

    /// <summary>Chance that one hit end gets the large shift instead of <see cref="BoundaryNoise"/>. Aligned mode only.</summary>
    public double LargeBoundaryNoiseFraction { get; init; }

    /// <summary>Smallest fraction of its reference domain a true hit aligns (uniform up to 1). Aligned mode only.</summary>
    public double MinHitCoverage { get; init; } = 0.8;

    /// <summary>
    /// For a host split by an inserted domain: chance that a hit reports both pieces (one hit, two collinear HSPs, two
    /// query segments); otherwise the hit carries only the longer HSP. Aligned mode only (Easy hosts always carry both).
    /// </summary>
    public double HostTwoHspFraction { get; init; } = 1.0;

    /// <summary>HHsearch probability range (percent) of remote homologs, which BLAST does not see.</summary>
    public double RemoteMinProbability { get; init; } = 90;

    /// <summary>Upper end of <see cref="RemoteMinProbability"/>.</summary>
    public double RemoteMaxProbability { get; init; } = 100;

    /// <summary>
    /// True: decoy scores spread across both sides of each quality threshold (HHsearch probability 40-85, domain BLAST
    /// e-values 1e-7..1, reference coverage 0.3-0.75, lengths 8-40 around the minimum domain size). False: just past one.
    /// </summary>
    public bool DecoysAroundThresholds { get; init; }

    /// <summary>Chance per true domain of a decoy hit to another T-group over the same region, scored like a true hit.</summary>
    public double CompetingDecoyFraction { get; init; }

    /// <summary>Chains with no real domain get 0..this many weak spurious hits (Easy: none, they have no evidence at all).</summary>
    public int EmptyChainSpuriousHits { get; init; }

    /// <summary>
    /// True: a remote homolog's HHsearch hits follow a per-domain profile-quality draw q (uniform 0..1): the best hit has
    /// probability 100 / (1 + e^-(6q - 1 + 0.015 (aligned residues - 80))), so good profiles give 90%+ at 60-100 residues
    /// whatever the length; 2-8 sibling hits to other domains of the family score lower by a correlated logit step
    /// (0.3-4.5; 1.5-5.5 for siblings of another T-group of the H-group) and are listed down to 1%. False: probabilities
    /// uniform in <see cref="RemoteMinProbability"/>..<see cref="RemoteMaxProbability"/>.
    /// </summary>
    public bool RemoteProfileQuality { get; init; }

    /// <summary>Reference coverage range of remote homolog HHsearch hits with <see cref="RemoteProfileQuality"/>.</summary>
    public double RemoteMinCoverage { get; init; } = 0.6;

    /// <summary>Upper end of <see cref="RemoteMinCoverage"/>.</summary>
    public double RemoteMaxCoverage { get; init; } = 0.9;

    /// <summary>Chance that a sibling hit is to another T-group of the same H-group (a homolog the classification keeps apart).</summary>
    public double OtherTGroupSiblingFraction { get; init; }

    /// <summary>Each chain gets 0..this many HHsearch hits at 1-10% to unrelated targets, as HHsearch lists them.</summary>
    public int BackgroundHits { get; init; }

    /// <summary>Chance that an HHsearch decoy (spurious, competing or threshold decoy) brings 1-4 correlated sibling hits of its own H-group.</summary>
    public double DecoySiblingFraction { get; init; }

    /// <summary>
    /// Share of a remote homolog's residues substituted when it is copied into the query (0.75: about 25% identity; Realistic
    /// 0.85: about 15%, the 10-20% identity at which profile search still finds true homologs). At least 0.75; above it the
    /// extra substitutions come from a random stream of their own, so layouts, truth and evidence do not change, only sequences.
    /// </summary>
    public double RemoteSubstitution { get; init; } = 0.75;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first property with a nonsense value; returns this.</summary>
    public SyntheticNoise Validate()
    {
        if (BoundaryNoise is < 0 or > 100) throw new ArgumentException($"must be within 0..100 (got {BoundaryNoise})", nameof(BoundaryNoise));
        if (LargeBoundaryNoise is < 0 or > 100) throw new ArgumentException($"must be within 0..100 (got {LargeBoundaryNoise})", nameof(LargeBoundaryNoise));
        Fraction(LargeBoundaryNoiseFraction, nameof(LargeBoundaryNoiseFraction));
        Fraction(MinHitCoverage, nameof(MinHitCoverage));
        if (MinHitCoverage < 0.1) throw new ArgumentException($"must be at least 0.1 (got {MinHitCoverage})", nameof(MinHitCoverage));
        Fraction(HostTwoHspFraction, nameof(HostTwoHspFraction));
        Fraction(CompetingDecoyFraction, nameof(CompetingDecoyFraction));
        if (!double.IsFinite(RemoteMinProbability) || RemoteMinProbability is < 0 or > 100)
            throw new ArgumentException($"must be within 0..100 (got {RemoteMinProbability})", nameof(RemoteMinProbability));
        if (!double.IsFinite(RemoteMaxProbability) || RemoteMaxProbability < RemoteMinProbability || RemoteMaxProbability > 100)
            throw new ArgumentException($"must be within RemoteMinProbability..100 (got {RemoteMaxProbability})", nameof(RemoteMaxProbability));
        if (EmptyChainSpuriousHits is < 0 or > 100) throw new ArgumentException($"must be within 0..100 (got {EmptyChainSpuriousHits})", nameof(EmptyChainSpuriousHits));
        Fraction(RemoteMinCoverage, nameof(RemoteMinCoverage));
        if (RemoteMinCoverage < 0.1) throw new ArgumentException($"must be at least 0.1 (got {RemoteMinCoverage})", nameof(RemoteMinCoverage));
        Fraction(RemoteMaxCoverage, nameof(RemoteMaxCoverage));
        if (RemoteMaxCoverage < RemoteMinCoverage) throw new ArgumentException($"must be within RemoteMinCoverage..1 (got {RemoteMaxCoverage})", nameof(RemoteMaxCoverage));
        Fraction(OtherTGroupSiblingFraction, nameof(OtherTGroupSiblingFraction));
        if (BackgroundHits is < 0 or > 100) throw new ArgumentException($"must be within 0..100 (got {BackgroundHits})", nameof(BackgroundHits));
        Fraction(DecoySiblingFraction, nameof(DecoySiblingFraction));
        if (!double.IsFinite(RemoteSubstitution) || RemoteSubstitution is < 0.75 or > 1)
            throw new ArgumentException($"must be within 0.75..1 (got {RemoteSubstitution})", nameof(RemoteSubstitution));
        return this;
    }

    private static void Fraction(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1) throw new ArgumentException($"must be between 0 and 1 (got {value})", name);
    }
}
