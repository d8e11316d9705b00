using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Synthetic;

/// <summary>A hit read back from a generated summary (test-side reader, either format); <see cref="EValue"/> is the first HSP's.</summary>
public sealed record SummaryHit(string Type, string Target, ResidueRange QueryRange, ResidueRange HitRange, string EValue, string? Probability, int HspEValues = 1);
