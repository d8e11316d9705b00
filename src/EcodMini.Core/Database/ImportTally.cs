namespace EcodMini.Core.Database;

/// <summary>Counts chain outcomes into an <see cref="ImportSummary"/>.</summary>
internal sealed class ImportTally(ImportOptions options, bool collisionCheckOnly, string target)
{
    private int _attempted, _skipped, _filtered, _collisions, _domains, _evidence, _batches;

    public int Imported { get; private set; }
    public int Failed { get; private set; }

    public void Add(ProteinImportRecord record)
    {
        _attempted++;
        if (record.ExistingRows > 0) _collisions++;
        switch (record.Action)
        {
            case ImportAction.Imported or ImportAction.Overwritten or ImportAction.Versioned: Imported++; break;
            case ImportAction.Filtered: _filtered++; break;
            case ImportAction.Failed: Failed++; break;
            default: _skipped++; break;
        }
    }

    public void AddRows(BatchOutcome outcome)
    {
        _domains += outcome.Domains;
        _evidence += outcome.EvidenceRows;
        _batches += outcome.BatchesCreated;
    }

    public ImportSummary ToSummary(double seconds) => new()
    {
        Attempted = _attempted, Imported = Imported, Skipped = _skipped, Filtered = _filtered, Failed = Failed,
        Collisions = _collisions, Seconds = seconds, Domains = _domains, EvidenceRows = _evidence, BatchesCreated = _batches,
        DryRun = options.DryRun, CollisionCheckOnly = collisionCheckOnly, CollisionStrategy = options.CollisionStrategy,
        QualityFilter = options.QualityFilter, ProcessVersion = options.ProcessVersion, Database = target,
    };
}
