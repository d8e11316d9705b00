namespace EcodMini.Synthetic;

/// <summary>Per-residue rates used when copying reference residues into a query.</summary>
internal sealed record MutationRates(double Substitution, double Deletion, double Insertion)
{
    /// <summary>
    /// Share of the residues <see cref="Substitution"/> keeps that are substituted too, drawn from a stream of their own so
    /// that the layout, truth and evidence of a chain stay those of the other settings (only its sequence differs).
    /// </summary>
    public double ExtraSubstitution { get; init; }

    /// <summary>A close homolog: BLAST finds it.</summary>
    public static MutationRates Close { get; } = new(0.25, 0.01, 0.008);

    /// <summary>A remote homolog: only profile search (HHsearch) finds it.</summary>
    public static MutationRates Remote { get; } = new(0.75, 0.02, 0.015);
}
