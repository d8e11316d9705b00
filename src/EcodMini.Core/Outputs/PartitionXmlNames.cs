namespace EcodMini.Core.Outputs;

/// <summary>Element and attribute names of the two partition documents (shared by writer and reader).</summary>
internal static class PartitionXmlNames
{
    public const string V1Root = "partition";
    public const string LegacyRoot = "domain_partition";
    public const string V1Version = "1.0";
    public const string DefaultReference = "develop291";
}
