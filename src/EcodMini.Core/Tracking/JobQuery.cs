namespace EcodMini.Core.Tracking;

/// <summary>
/// Filters for listing jobs; null means no filter. ProteinId and BatchName accept '*' and '?' wildcards.
/// Results are ordered by batch name, then protein id.
/// </summary>
public sealed record JobQuery
{
    public IReadOnlyList<string>? Statuses { get; init; }
    public string? BatchName { get; init; }
    public string? ProteinId { get; init; }
    public int? Limit { get; init; }
    /// <summary>Treat '*' and '?' in ProteinId and BatchName as wildcards (default); false matches them literally.</summary>
    public bool Wildcards { get; init; } = true;

    public static JobQuery All { get; } = new();

    /// <summary>Whether a ProteinId or BatchName value is a pattern (holds '*' or '?') rather than a name.</summary>
    public static bool IsPattern(string? value) => value is not null && (value.Contains('*') || value.Contains('?'));
}
