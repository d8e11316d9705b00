namespace EcodMini.Synthetic;

/// <summary>The truth.json spelling of each <see cref="ChainCategory"/>.</summary>
public static class ChainCategoryNames
{
    public static string ToText(this ChainCategory category) => category switch
    {
        ChainCategory.SingleDomain => "single_domain",
        ChainCategory.MultiDomain => "multi_domain",
        ChainCategory.Insertion => "insertion",
        ChainCategory.NoEvidence => "no_evidence",
        ChainCategory.Long => "long",
        ChainCategory.HhSearchOnly => "hhsearch_only",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Enum.GetValues<ChainCategory>().Select(c => c.ToText()).ToArray());
}
