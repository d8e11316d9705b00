namespace EcodMini.Core.Pipeline;

/// <summary>Quality flag types (all warnings) that say what happened to a chain's raw chain BLAST file.</summary>
public static class ChainBlastFlags
{
    /// <summary>A named raw chain BLAST file does not exist.</summary>
    public const string Missing = "chain_blast_missing";
    /// <summary>The file exists but could not be used (malformed, truncated, another chain's, another format).</summary>
    public const string Unusable = "chain_blast_unusable";
    /// <summary>Chain BLAST hits were left undecomposed: no raw file was found and they had no inline alignment.</summary>
    public const string NotFound = "chain_blast_not_found";

    public static bool IsChainBlastFlag(string flagType) => flagType is Missing or Unusable or NotFound;
}
