namespace EcodMini.Synthetic;

/// <summary>The kind of synthetic query chain (written to truth.json by <see cref="ChainCategoryNames"/>).</summary>
public enum ChainCategory
{
    SingleDomain,
    MultiDomain,
    Insertion,
    NoEvidence,
    Long,
    HhSearchOnly,
}
