namespace EcodMini.Core.Database.Curation;

/// <summary>One ecod_curation.protein row as the import stages it, with its queue priority.</summary>
internal sealed record CurationProtein(
    string SourceId, string Pdb, string Chain, string Sequence, int SequenceLength, string? SequenceMd5, DateTime ProcessedAt,
    string ProcessingVersion, float Coverage, int DomainCount, string Quality, bool CanCurate, string? CannotCurateReason, int Priority, string PriorityReason);
