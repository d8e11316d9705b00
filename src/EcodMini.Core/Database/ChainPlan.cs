namespace EcodMini.Core.Database;

/// <summary>What the writer does with one chain: write it (under a batch id, with a revision), delete older rows first, or only report.</summary>
internal sealed record ChainPlan(LoadedChain Chain, ProteinImportRecord Record, bool Write, int? BatchId, int Revision, long[] Deletes, DateTime? LatestExisting);
