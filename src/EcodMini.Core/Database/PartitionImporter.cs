using System.Diagnostics;
using EcodMini.Core.Tracking;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Imports partition results into the production database, batch by batch (<see cref="ImportOptions.BatchSize"/>
/// chains per transaction). Each chain is all or nothing: a failing batch is rolled back and retried chain by chain,
/// so one bad chain fails alone. Before the database is touched, chains are dropped that could not be read, appear
/// twice, are below the quality filter, or (with a tracker) were already imported from the same file content into the
/// same database. Imports are recorded in the tracker after each commit. Cancellation rolls back the open batch.
/// A lost connection is waited out with a bounded backoff and the open batch written again, never twice.
/// Not thread-safe; the tracker, when given, must not be used elsewhere during the import.
/// </summary>
public sealed class PartitionImporter(PostgresConnector connector, ImportOptions options, TrackingDatabase? tracker = null)
{
    public ImportOptions Options { get; } = options;

    /// <summary>Decisions worth a warning (a lost connection waited out); called on the importing thread.</summary>
    public Action<string>? Notify { get; init; }

    /// <summary>Imports the candidates; <paramref name="onRecord"/> sees every chain's outcome as soon as it is final.</summary>
    /// <exception cref="DatabaseConnectionException">The database cannot be reached.</exception>
    /// <exception cref="DatabaseSchemaException">The schema lacks a needed table or column.</exception>
    public async Task<ImportSummary> ImportAsync(IReadOnlyList<ImportCandidate> candidates, bool collisionCheckOnly = false,
        Action<ProteinImportRecord>? onRecord = null, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var tally = new ImportTally(Options, collisionCheckOnly, connector.Target);
        void Report(ProteinImportRecord record) { tally.Add(record); onRecord?.Invoke(record); }

        await using var session = new ImportSession(connector);
        var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
        await SchemaInspector.EnsureCompatibleAsync(connection, connector.Target, Options.EvidenceTable, cancellationToken, Options.Target).ConfigureAwait(false);

        var ledger = LoadLedger(collisionCheckOnly);
        var seen = new HashSet<(string, string?)>();
        var writer = new ImportBatchWriter(Options, collisionCheckOnly);
        var size = Math.Max(1, Options.BatchSize);
        // The next batch's files are read while this batch is written (reading is client CPU, writing waits on the server).
        Task<LoadedChain[]> Load(int start) => Task.Run(() => ChainLoader.LoadAll(
            candidates.Skip(start).Take(size).ToList(), Options.QualityThresholds, Options.ReferenceVersion, cancellationToken), cancellationToken);
        var next = candidates.Count > 0 ? Load(0) : null;
        try
        {
            for (var start = 0; start < candidates.Count; start += size)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var loaded = WithAttempts(await next!.ConfigureAwait(false));
                next = start + size < candidates.Count ? Load(start + size) : null;
                var work = new List<LoadedChain>(loaded.Length);
                foreach (var chain in loaded)
                {
                    if (Screen(chain, seen, ledger) is { } early) Report(early);
                    else work.Add(chain);
                }
                if (work.Count > 0)
                {
                    var outcome = await WriteWithRetryAsync(session, writer, work, cancellationToken).ConfigureAwait(false);
                    tally.AddRows(outcome);
                    foreach (var record in outcome.Records) Report(record);
                    RecordInLedger(work, outcome.Records);
                }
                progress?.Report(new ImportProgress(Math.Min(start + size, candidates.Count), candidates.Count, tally.Imported, tally.Failed));
            }
        }
        finally
        {
            // A batch still being read when the import stops (an error, Ctrl+C) is finished and dropped, never left running.
            if (next is not null) await Task.WhenAny(next).ConfigureAwait(false);
        }
        return tally.ToSummary(clock.Elapsed.TotalSeconds);
    }

    /// <summary>Each tracked chain with the attempt that produced it (run, attempt, SLURM job id), for process_parameters.</summary>
    private LoadedChain[] WithAttempts(LoadedChain[] chains)
    {
        if (tracker is null) return chains;
        var refs = chains.Where(c => c.Candidate.JobRef is not null).Select(c => c.Candidate.JobRef!.Value).Distinct().ToList();
        if (refs.Count == 0) return chains;
        var attempts = tracker.GetAttemptProvenance(refs);
        return [.. chains.Select(c => c.Candidate.JobRef is { } job && attempts.TryGetValue(job, out var a) ? c with { Attempt = a } : c)];
    }

    /// <summary>The outcome of a chain decided before the database: unreadable, duplicate, already imported, filtered.</summary>
    private ProteinImportRecord? Screen(LoadedChain chain, HashSet<(string, string?)> seen, Dictionary<(string, string), ImportLedgerEntry> ledger)
    {
        var record = new ProteinImportRecord
        {
            ProteinId = chain.ProteinId, BatchName = chain.BatchName, Action = ImportAction.Failed, DryRun = Options.DryRun,
            DomainCount = chain.Result?.DomainCount ?? 0, QualityGrade = chain.Grade, Path = chain.Candidate.Path,
        };
        if (chain.Error is not null) return record with { Message = chain.Error };
        if (!seen.Add((chain.ProteinId, chain.BatchName)))
            return record with { Action = ImportAction.Duplicate, Message = "the same chain and batch appeared earlier in this import" };
        if (!Options.QualityFilter.Admits(chain.Grade!))
            return record with { Action = ImportAction.Filtered, Message = $"quality {chain.Grade} is below the filter {Options.QualityFilter}" };
        // The same content into the same database under the same process version; another version is a new import.
        if (chain.BatchName is not null && ledger.TryGetValue((chain.ProteinId, chain.BatchName), out var entry) && entry.ContentHash == chain.ContentHash
            && string.Equals(entry.ProcessVersion, Options.ProcessVersion, StringComparison.Ordinal))
        {
            return record with
            {
                Action = ImportAction.AlreadyImported, ProcessVersion = entry.ProcessVersion, PartitionProteinId = entry.PartitionProteinId,
                Message = $"imported {entry.ImportedAt:u} from the same file content (tracker)",
            };
        }
        return null;
    }

    private async Task<BatchOutcome> WriteWithRetryAsync(ImportSession session, ImportBatchWriter writer, List<LoadedChain> work, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteResumingAsync(session, writer, work, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRetryable(ex, cancellationToken))
        {
            session.ResetIfBroken();
            if (work.Count == 1) return new BatchOutcome([Refused(work[0], ex)], 0, 0, 0);
        }
        // Chain by chain, so one bad chain fails alone and the others still go in.
        var records = new List<ProteinImportRecord>(work.Count);
        int domains = 0, evidence = 0, created = 0;
        foreach (var chain in work)
        {
            try
            {
                var one = await WriteResumingAsync(session, writer, [chain], cancellationToken).ConfigureAwait(false);
                records.AddRange(one.Records);
                domains += one.Domains; evidence += one.EvidenceRows; created += one.BatchesCreated;
            }
            catch (Exception ex) when (IsRetryable(ex, cancellationToken))
            {
                session.ResetIfBroken();
                records.Add(Refused(chain, ex));
            }
        }
        return new BatchOutcome(records, domains, evidence, created);
    }

    /// <summary>A chain the database refused on its own: nothing of it written, the reason in the record.</summary>
    private ProteinImportRecord Refused(LoadedChain chain, Exception ex) => new()
    {
        ProteinId = chain.ProteinId, BatchName = chain.BatchName, Action = ImportAction.Failed, DryRun = Options.DryRun,
        DomainCount = chain.Result!.DomainCount, QualityGrade = chain.Grade, Path = chain.Candidate.Path,
        Message = $"{chain.ProteinId}: nothing written, the database refused the chain: {Describe(ex)}",
    };

    /// <summary>
    /// One transaction, with lost connections (a server restart) waited out: the connection is dropped, the wait backs
    /// off (<see cref="ConnectionLoss"/>), and the same chains are written again. A transaction whose COMMIT was sent
    /// when the connection dropped is looked up first: if its rows are there, it is not written twice. When the server
    /// stays away, a <see cref="DatabaseConnectionException"/> ends the import (the chains imported so far are recorded;
    /// running the import again resumes it). When the same chains lose a fresh connection a second time, they are what
    /// ends it (a chain that kills its session): a <see cref="ChainsEndedConnectionException"/> goes to the caller, which
    /// writes them one by one.
    /// </summary>
    private async Task<BatchOutcome> WriteResumingAsync(ImportSession session, ImportBatchWriter writer, List<LoadedChain> chains, CancellationToken cancellationToken)
    {
        var lostWhileWriting = 0;
        for (var attempt = 1; ; attempt++)
        {
            var connected = false;
            try
            {
                var connection = await session.ConnectionAsync(cancellationToken).ConfigureAwait(false);
                connected = true;
                if (writer.InDoubt is { } pending)
                {
                    var committed = await pending.CommittedAsync(connection, cancellationToken).ConfigureAwait(false);
                    writer.Settle();
                    Notify?.Invoke($"the transaction in flight when the connection dropped {(committed ? "had committed: not written again" : "had not committed: written again")}");
                    if (committed) return pending.Outcome;
                }
                return await writer.WriteAsync(connection, chains, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ConnectionLoss.IsTransient(ex))
            {
                await session.ResetAsync().ConfigureAwait(false);
                // Lost again while writing the same chains on a connection the server had just accepted: the server is up,
                // so it is these chains that end the session (a trigger, a crash on a value). They fail as a batch
                // (the caller then writes them chain by chain), not as an outage.
                if (connected && ++lostWhileWriting >= ConnectionLoss.WritesPerChains)
                    throw new ChainsEndedConnectionException(
                        $"the connection was lost {lostWhileWriting} times while writing {(chains.Count == 1 ? "this chain" : $"these {chains.Count} chains")}, " +
                        $"with the server accepting connections in between ({Describe(ex)})", ex);
                if (attempt >= ConnectionLoss.MaxAttempts)
                    throw new DatabaseConnectionException($"Lost the connection to {connector.Target} and could not get it back after {attempt} tries " +
                        $"({Describe(ex)}); the chains imported before are recorded: run the import again to resume", ex);
                var delay = ConnectionLoss.Delay(attempt);
                Notify?.Invoke($"connection to {connector.Target} lost ({Describe(ex)}); {chains.Count} chain(s) of the open transaction rolled back; " +
                               $"reconnecting in {delay.TotalSeconds:0.#} s (try {attempt + 1} of {ConnectionLoss.MaxAttempts})");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsRetryable(Exception ex, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && ex is NpgsqlException or InvalidOperationException or IOException;

    private string Describe(Exception ex) => ex switch
    {
        PostgresException pg => $"{pg.MessageText} (SQLSTATE {pg.SqlState}{(pg.ConstraintName is { } c ? $", constraint {c}" : "")})",
        NpgsqlException { InnerException: TimeoutException } =>
            $"a statement ran longer than database.command_timeout ({connector.Settings.CommandTimeout} s) and was cancelled",
        _ => ex.Message,
    };

    private Dictionary<(string, string), ImportLedgerEntry> LoadLedger(bool collisionCheckOnly)
    {
        if (tracker is null || Options.IgnoreLedger || collisionCheckOnly) return [];
        return tracker.GetImports(connector.Target).ToDictionary(e => (e.ProteinId, e.BatchName));
    }

    private void RecordInLedger(List<LoadedChain> work, IReadOnlyList<ProteinImportRecord> records)
    {
        if (tracker is null || Options.DryRun) return;
        var byKey = work.ToDictionary(c => (c.ProteinId, c.BatchName));
        var now = DateTimeOffset.UtcNow;
        var entries = records
            .Where(r => r.Action is ImportAction.Imported or ImportAction.Overwritten or ImportAction.Versioned && r.BatchName is not null)
            .Select(r => (Record: r, Chain: byKey[(r.ProteinId, r.BatchName)]))
            .Select(x => new ImportLedgerEntry
            {
                ProteinId = x.Record.ProteinId, BatchName = x.Record.BatchName!, Target = connector.Target, JobRef = x.Chain.Candidate.JobRef,
                SourcePath = x.Chain.Candidate.Path, ContentHash = x.Chain.ContentHash, ProcessVersion = x.Record.ProcessVersion!,
                PartitionProteinId = x.Record.PartitionProteinId, Action = x.Record.Action.ToString().ToLowerInvariant(), ImportedAt = now,
            })
            .ToList();
        tracker.RecordImports(entries);
    }
}
