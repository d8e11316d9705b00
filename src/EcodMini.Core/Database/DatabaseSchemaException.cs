namespace EcodMini.Core.Database;

/// <summary>The database's schema lacks something the tool needs; <see cref="Missing"/> names each missing table or column.</summary>
public sealed class DatabaseSchemaException(string message, IReadOnlyList<string> missing) : Exception(message)
{
    /// <summary>Qualified names, e.g. <c>pdb_analysis.partition_domains.hit_ecod_domain_id</c>.</summary>
    public IReadOnlyList<string> Missing { get; } = missing;
}
