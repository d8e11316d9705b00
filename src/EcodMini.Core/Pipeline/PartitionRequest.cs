using EcodMini.Core.Model;

namespace EcodMini.Core.Pipeline;

/// <summary>One chain to partition: its summary, optional raw chain BLAST, and where to write the partition.</summary>
public sealed record PartitionRequest(string SummaryPath, string? BlastPath = null, string? OutputPath = null, string? BatchId = null);
