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

    public static JobQuery All { get; } = new();
}
