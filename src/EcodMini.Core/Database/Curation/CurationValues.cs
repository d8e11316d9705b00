using EcodMini.Core.Model;

namespace EcodMini.Core.Database.Curation;

/// <summary>
/// How partition results map onto the values the ecod_curation contract allows: partition quality, assignment method,
/// classification level, evidence type and the queue priority (higher = reviewed sooner).
/// </summary>
public static class CurationValues
{
    /// <summary>good | low_coverage | fragmentary | failed, from the import grade (failed: no domain).</summary>
    public static string PartitionQuality(int domainCount, string? grade) => domainCount == 0 ? "failed" : grade switch
    {
        "good" => "good",
        "questionable" => "low_coverage",
        _ => "fragmentary",
    };

    public static string? AssignmentMethod(string? source) => source switch
    {
        Model.EvidenceType.HhSearch => "hhsearch",
        Model.EvidenceType.DomainBlast or Model.EvidenceType.ChainBlast or Model.EvidenceType.ChainBlastDecomposed => "blast",
        _ => null,
    };

    public static string ClassificationLevel(string? tGroup, string? hGroup, string? xGroup) =>
        !string.IsNullOrEmpty(tGroup) ? "t_group_only" : !string.IsNullOrEmpty(hGroup) ? "h_group_only" : !string.IsNullOrEmpty(xGroup) ? "x_group_only" : "unclassified";

    /// <summary>blast_chain | blast_domain | hhsearch, or null for evidence the contract has no type for (not staged).</summary>
    public static string? EvidenceType(string evidenceType) => evidenceType switch
    {
        Model.EvidenceType.ChainBlast or Model.EvidenceType.ChainBlastDecomposed => "blast_chain",
        Model.EvidenceType.DomainBlast => "blast_domain",
        Model.EvidenceType.HhSearch => "hhsearch",
        _ => null,
    };

    /// <summary>
    /// 0-100: up to 60 for low confidence (60 x (1 - mean domain confidence)) plus 40 failed, 30 fragmentary, 20 low
    /// coverage, 0 good; the reason names the larger part.
    /// </summary>
    public static (int Priority, string Reason) Priority(double? meanConfidence, string quality)
    {
        var confidencePart = (int)Math.Round(60 * (1 - Math.Clamp(meanConfidence ?? 0, 0, 1)));
        var qualityPart = quality switch { "failed" => 40, "fragmentary" => 30, "low_coverage" => 20, _ => 0 };
        var reason = qualityPart > confidencePart ? quality : meanConfidence is null ? "no_domains" : confidencePart >= 24 ? "low_confidence" : "routine";
        return (confidencePart + qualityPart, reason);
    }
}
