namespace EcodMini.Core.Algorithm;

/// <summary>One aligned HSP: query and hit strings with '-' gaps, starting at the given 1-based positions.</summary>
public sealed record ChainAlignment(string QuerySequence, string HitSequence, int QueryStart, int HitStart, double? Evalue = null);
