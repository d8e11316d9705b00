using System.Diagnostics;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Provenance;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.Scanning;

/// <summary>
/// Finds the chains to process under a batch root. Each batch's domains/, blast/, blast/chain/ and mini_domains/ folders are
/// listed once; no summary is parsed (only a few KB of each queued one is peeked for the priority).
/// </summary>
public sealed class BatchScanner(ScanOptions options)
{
    private const int InvalidSampleLimit = 20;

    public ScanOptions Options { get; } = options;

    public ScanResult Scan(CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var root = new DirectoryInfo(Options.BatchRoot);
        if (!root.Exists) throw new DirectoryNotFoundException($"Batch root not found: {root.FullName}");

        var representatives = LoadRepresentatives(root.FullName, cancellationToken);
        var previous = Options.TrackingDatabase is { } tracker
            ? tracker.GetJobs().ToDictionary(j => (j.ProteinId, j.BatchName))
            : [];

        var recorded = Options.TrackingDatabase?.GetCompletedInputs() ?? new Dictionary<(string, string), InputFingerprint>();
        var changes = new ChangeCheck(ProvenanceContext.For(Options.ReferenceDirectory, Options.PartitionOptions, cancellationToken));

        var summaryEnding = $".{Options.ReferenceVersion}{BatchLayout.SummarySuffix}";
        var candidates = new List<ProteinTask>();
        var invalidSamples = new List<string>();
        int batches = 0, found = 0, changed = 0, reps = 0, done = 0, skippedFailed = 0, notRep = 0, retries = 0, invalid = 0, otherVersion = 0, notDue = 0, exhausted = 0, permanent = 0;
        var now = DateTimeOffset.UtcNow;

        foreach (var batch in root.EnumerateDirectories(Options.Pattern).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var domains = new DirectoryInfo(Path.Combine(batch.FullName, BatchLayout.DomainsFolder));
            if (!domains.Exists) continue;
            batches++;
            var outputs = FileNames(Path.Combine(batch.FullName, BatchLayout.OutputFolder));
            var blasts = BlastFileNames(Path.Combine(batch.FullName, BatchLayout.BlastFolder));

            foreach (var file in domains.EnumerateFiles("*" + BatchLayout.SummarySuffix))
            {
                if ((found & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (!file.Name.EndsWith(summaryEnding, StringComparison.Ordinal)) { otherVersion++; continue; }
                if (!BatchLayout.TryGetProteinId(file.Name, out var id)
                    || file.Name != BatchLayout.SummaryFileName(id, Options.ReferenceVersion))
                {
                    invalid++;
                    if (invalidSamples.Count < InvalidSampleLimit) invalidSamples.Add(Path.Combine(batch.Name, BatchLayout.DomainsFolder, file.Name));
                    continue;
                }
                found++;
                var key = id.ToString();
                var isRep = representatives?.ProteinIds.Contains(key) ?? false;
                if (isRep) reps++;
                if (Options.RepsOnly && !isRep) { notRep++; continue; }

                previous.TryGetValue((key, batch.Name), out var job);
                var failedBefore = job is not null && JobStatus.IsRetryable(job.Status);
                var hasOutput = outputs.Contains(BatchLayout.OutputFileName(id));
                if (failedBefore && !Options.IncludeFailed) { skippedFailed++; continue; }
                if (failedBefore)
                {
                    var decision = Options.Retry.Decide(job!.Status, job.RetryCount, job.EndTime, now, job.ErrorClass,
                        new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
                    if (decision == RetryDecision.Exhausted) { exhausted++; continue; }
                    if (decision == RetryDecision.Permanent) { permanent++; continue; }
                    if (decision == RetryDecision.NotDue) { notDue++; continue; }
                }
                // A chain the tracker still has pending or running (a run that was killed) is queued even when its
                // output exists: the executor then ingests its leftover result or runs it again, so counts stay exact.
                var unfinished = job is not null && job.Status is JobStatus.Pending or JobStatus.Running or JobStatus.Submitted;
                var task = CreateTask(id, batch, file, hasOutput, blasts, job, failedBefore, isRep);
                if (!failedBefore && !unfinished && hasOutput && Options.SkipExisting)
                {
                    var (reason, inputs) = changes.Check(task.SummaryPath, task.BlastPath, task.OutputPath, recorded.GetValueOrDefault((key, batch.Name)), cancellationToken);
                    if (reason is null) { done++; continue; }
                    if (reason != TaskReason.Retry) changed++;
                    task = task with { Reason = reason.Value, Inputs = inputs };
                }
                else task = task with { Reason = failedBefore ? (job!.Status == JobStatus.Failed ? TaskReason.Failed : TaskReason.Retry) : job is null && !hasOutput ? TaskReason.New : TaskReason.Retry };
                if (failedBefore) retries++;

                candidates.Add(task);
            }
        }

        var ordered = Prioritise(candidates, changes.Context, cancellationToken);
        var limit = Options.MaxProteins is { } max ? Math.Max(0, max) : ordered.Count;
        var tasks = ordered.Count > limit ? ordered.GetRange(0, limit) : ordered;

        return new ScanResult
        {
            Tasks = tasks,
            BatchCount = batches,
            TotalFound = found,
            RepresentativeCount = reps,
            SkippedDone = done,
            Changed = changed,
            SkippedFailed = skippedFailed,
            SkippedNotRepresentative = notRep,
            FailedForRetry = retries,
            RetryNotDue = notDue,
            RetriesExhausted = exhausted,
            FailedPermanently = permanent,
            Deferred = ordered.Count - tasks.Count,
            InvalidFileNames = invalid,
            InvalidFileNameSamples = invalidSamples,
            OtherReferenceVersionFiles = otherVersion,
            InvalidRepresentativeLines = representatives?.InvalidLines ?? 0,
            RepresentativeListPath = representatives?.Path,
            Duration = clock.Elapsed,
            ScanTimestamp = started,
        };
    }

    private RepresentativeList? LoadRepresentatives(string root, CancellationToken cancellationToken)
    {
        if (Options.Representatives is { } given) return new RepresentativeList(Options.RepresentativeSource ?? "(given)", given, 0);
        var path = Options.RepresentativeListPath ?? Path.Combine(root, ScanOptions.DefaultRepresentativeListName);
        if (File.Exists(path)) return RepresentativeList.Load(path, cancellationToken);
        if (Options.RepsOnly || Options.RepresentativeListPath is not null)
            throw new FileNotFoundException($"Representative list not found: {path} (one protein id per line; needed for RepsOnly)", path);
        return null;
    }

    private ProteinTask CreateTask(ProteinId id, DirectoryInfo batch, FileInfo summary, bool hasOutput,
        IReadOnlySet<string> blasts, JobRecord? job, bool isRetry, bool isRep)
    {
        var output = Path.Combine(batch.FullName, BatchLayout.OutputFolder, BatchLayout.OutputFileName(id));
        var blastName = BatchLayout.BlastCandidates(id, Options.ReferenceVersion).FirstOrDefault(blasts.Contains);
        return new ProteinTask
        {
            ProteinId = id.ToString(),
            Pdb = id.Pdb,
            Chain = id.Chain,
            BatchName = batch.Name,
            BatchDirectory = batch.FullName,
            SummaryPath = summary.FullName,
            BlastPath = blastName is null ? null : Path.Combine(batch.FullName, BatchLayout.BlastFolder, blastName),
            OutputPath = output,
            ExistingOutput = hasOutput ? output : null,
            PreviousAttempt = job is null ? null : job.EndTime ?? job.StartTime ?? job.SubmitTime,
            RetryCount = job?.RetryCount ?? 0,
            PreviousStatus = job?.Status,
            IsRetry = isRetry,
            IsRepresentative = isRep,
            SummarySizeBytes = summary.Length,
        };
    }

    /// <summary>Ranks the queued chains; each is fingerprinted (what its attempt will record) and its summary peeked for quality and length.</summary>
    private List<ProteinTask> Prioritise(List<ProteinTask> candidates, ProvenanceContext context, CancellationToken cancellationToken)
    {
        var ranked = new ProteinTask[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = 4 }, i =>
        {
            var t = candidates[i];
            var (quality, length) = EvidencePeek.Peek(t.SummaryPath, Math.Max(Options.EvidencePeekBytes, 0));
            InputFingerprint? inputs;
            try { inputs = t.Inputs ?? context.Fingerprint(t.SummaryPath, t.BlastPath, null, cancellationToken); }
            catch (IOException) { inputs = null; }
            catch (UnauthorizedAccessException) { inputs = null; }
            ranked[i] = t with { Priority = ScanPriority.Compute(t.IsRetry, quality, t.SummarySizeBytes), Inputs = inputs, SequenceLength = length };
        });
        var list = ranked.ToList();
        list.Sort(ScanPriority.Order);
        return list;
    }

    /// <summary>File names in blast/ and, as <c>chain/&lt;name&gt;</c>, in blast/chain/ (the partitioner's layout).</summary>
    private static HashSet<string> BlastFileNames(string blastDirectory)
    {
        var names = FileNames(blastDirectory);
        foreach (var name in FileNames(Path.Combine(blastDirectory, BatchLayout.PartitionerBlastFolder)))
            names.Add(Path.Combine(BatchLayout.PartitionerBlastFolder, name));
        return names;
    }

    private static HashSet<string> FileNames(string directory) =>
        Directory.Exists(directory)
            ? new HashSet<string>(Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>(), StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
