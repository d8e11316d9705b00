namespace EcodMini.Core.Tracking;

/// <summary>Distinct names for argument completion: small, sorted, filtered by a typed prefix.</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>
    /// The distinct batch names or protein ids whose text starts with <paramref name="prefix"/> (ASCII case
    /// ignored; <c>%</c>, <c>_</c> and <c>\</c> in the prefix are literal), in ordinal order, at most
    /// <paramref name="limit"/> of them; protein ids optionally only those of one batch.
    /// </summary>
    public IReadOnlyList<TrackedName> GetNames(TrackedNameKind kind, string? prefix, int limit, string? batchName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var column = kind == TrackedNameKind.BatchName ? "batch_name" : "protein_id";
        using var command = Command($"""
            SELECT {column}, COUNT(*) FROM jobs
            WHERE {column} LIKE $prefix ESCAPE '\' AND ($batch IS NULL OR batch_name = $batch)
            GROUP BY {column} ORDER BY {column} LIMIT $limit;
            """);
        command.Set("$prefix", LikeLiteral(prefix ?? "") + "%");
        command.Set("$batch", kind == TrackedNameKind.ProteinId ? batchName : null);
        command.Set("$limit", limit);
        using var reader = command.ExecuteReader();
        var names = new List<TrackedName>();
        while (reader.Read()) names.Add(new TrackedName(reader.GetString(0), reader.GetInt32(1)));
        return names;
    }
}
