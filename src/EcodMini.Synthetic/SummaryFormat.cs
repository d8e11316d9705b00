namespace EcodMini.Synthetic;

/// <summary>Which domain summary format a synthetic batch is written in.</summary>
public enum SummaryFormat
{
    /// <summary><c>blast_summ_doc</c> documents in <c>domains/</c> (what existing batches contain).</summary>
    Legacy,
    /// <summary><c>domain_summary version="1.0"</c> documents in <c>domains/</c>.</summary>
    V1,
    /// <summary>Legacy in <c>domains/</c> and v1.0 in the sibling <c>domains_v1/</c>, same file names.</summary>
    Both,
}
