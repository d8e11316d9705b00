namespace EcodMini.Core.Evaluation;

/// <summary>Property names of truth.json (one place for writer and reader).</summary>
public static class TruthJson
{
    public const string FileName = "truth.json";
    public const string Seed = "seed";
    public const string ReferenceVersion = "reference_version";
    public const string Chains = "chains";
    public const string ProteinId = "protein_id";
    public const string Batch = "batch";
    public const string Length = "length";
    public const string Category = "category";
    public const string Representative = "representative";
    public const string Domains = "domains";
    public const string Range = "range";
    public const string EcodDomainId = "ecod_domain_id";
    public const string TGroup = "t_group";
}
