using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Evaluation;

/// <summary>Hand-made partition results: <c>Chain("1abc_A", 300, ("10-100", "1.1.1"), ...)</c>.</summary>
internal static class Partitions
{
    public static PartitionResult Chain(string id, int length, params (string Range, string? TGroup)[] domains) => new()
    {
        Protein = ProteinId.Parse(id),
        SequenceLength = length,
        Domains = domains.Select((d, i) => new PartitionDomain
        {
            Number = i + 1,
            Id = $"{id}_{i + 1:000}",
            Range = ResidueRange.Parse(d.Range),
            TGroup = d.TGroup,
            Source = EvidenceType.DomainBlast,
        }).ToArray(),
    };

    public static PartitionResult Failed(string id) => new() { Protein = ProteinId.Parse(id), Success = false, Error = "bad input" };
}
