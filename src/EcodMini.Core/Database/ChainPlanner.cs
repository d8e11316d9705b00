namespace EcodMini.Core.Database;

/// <summary>
/// Decides per chain, from the rows already there, what the collision strategy does: write (no rows), replace (Overwrite),
/// add a revision under the same process version (Version), keep the old rows (Skip), or only report (collision check).
/// </summary>
internal sealed class ChainPlanner(ImportOptions options, bool collisionCheckOnly)
{
    public ChainPlan Plan(LoadedChain chain, IReadOnlyDictionary<string, int> batchIds, ExistingRows existing)
    {
        var r = chain.Result!;
        int? batchId = chain.BatchName is not null && batchIds.TryGetValue(chain.BatchName, out var b) ? b : null;
        // In a dry run a batch that does not exist yet has no rows, so nothing can collide under it.
        var rows = chain.BatchName is not null && batchId is null ? [] : existing.For(r.Protein.Pdb, r.Protein.Chain, batchId);
        var latest = existing.Latest(r.Protein.Pdb, r.Protein.Chain);
        var revision = ExistingRows.NextRevision(options.ProcessVersion, rows);
        var record = new ProteinImportRecord
        {
            ProteinId = r.ProteinId, BatchName = chain.BatchName, DryRun = options.DryRun || collisionCheckOnly,
            DomainCount = r.DomainCount, QualityGrade = chain.Grade, ExistingRows = rows.Count, Path = chain.Candidate.Path,
            ProcessVersion = options.ProcessVersion, Action = ImportAction.Imported,
        };
        if (collisionCheckOnly)
            return new ChainPlan(chain, record with { Action = rows.Count > 0 ? ImportAction.Collision : ImportAction.NoCollision, ProcessVersion = null },
                false, batchId, revision, [], latest);
        if (rows.Count == 0) return new ChainPlan(chain, record, true, batchId, revision, [], latest);
        var existingText = $"{rows.Count} existing row(s) for this chain and batch (process version {string.Join(", ", rows.Select(x => x.Version ?? "none"))})";
        return options.CollisionStrategy switch
        {
            CollisionStrategy.Overwrite => new ChainPlan(chain, record with { Action = ImportAction.Overwritten, Message = existingText + " replaced" },
                true, batchId, revision, [.. rows.Select(x => x.Id)], latest),
            CollisionStrategy.Version => new ChainPlan(chain,
                record with { Action = ImportAction.Versioned, Message = $"{existingText} kept; this row is revision {revision} of {options.ProcessVersion}" },
                true, batchId, revision, [], latest),
            _ => new ChainPlan(chain, record with { Action = ImportAction.Skipped, ProcessVersion = null, Message = existingText + " kept" },
                false, batchId, revision, [], latest),
        };
    }
}
