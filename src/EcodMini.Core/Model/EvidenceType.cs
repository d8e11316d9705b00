namespace EcodMini.Core.Model;

/// <summary>Evidence type names as they appear in summaries, outputs and counts.</summary>
public static class EvidenceType
{
    public const string ChainBlast = "chain_blast";
    public const string DomainBlast = "domain_blast";
    public const string HhSearch = "hhsearch";
    public const string ChainBlastDecomposed = "chain_blast_decomposed";
}
