namespace EcodMini.Core.Model;

/// <summary>Which partition document to write.</summary>
public enum OutputFormat
{
    /// <summary>The v1.0 <c>partition</c> document (the downstream contract).</summary>
    V1,
    /// <summary>The older <c>domain_partition</c> document.</summary>
    Legacy,
}
