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

    public static SyntheticNoise For(SyntheticDifficulty difficulty) => difficulty switch
    {
        SyntheticDifficulty.Easy => Easy,
        SyntheticDifficulty.Hard => Hard,
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
        return this;
    }

    private static void Fraction(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1) throw new ArgumentException($"must be between 0 and 1 (got {value})", name);
    }
}
