namespace EcodMini.Core.Database;

/// <summary>What the tracking tables record of one imported chain: its protein rows, its batch, representative flag and files (the raw chain BLAST where one exists), the batch folder it was processed in.</summary>
public sealed record TrackedChain(
    string SourceId, string Pdb, string Chain, int? Length, string? Sequence, string? SequenceMd5, int? BatchId,
    bool IsRepresentative, string? RelativePath, string? PartitionPath, string? SummaryPath, string? ChainBlastPath = null,
    string? ProcessingPath = null);
