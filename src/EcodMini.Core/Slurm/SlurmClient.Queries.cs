using System.Globalization;

namespace EcodMini.Core.Slurm;

public sealed partial class SlurmClient
{
    /// <summary>
    /// One <c>sacct -X --parsable2</c> call for every job named <paramref name="jobName"/> since
    /// <paramref name="since"/>. Returns null when accounting cannot answer (disabled, slurmdbd down): the caller
    /// falls back to <see cref="QueryQueue"/> and <see cref="ShowJobs"/>.
    /// </summary>
    public SlurmParseResult? QueryAccounting(string jobName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var start = since.ToLocalTime().AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var result = RunWithRetry(_options.Sacct,
            ["-X", "--parsable2", "--noheader", "--name", jobName, "--starttime", start, $"--format={SacctParser.Format}"],
            cancellationToken);
        if (result.Succeeded) return SacctParser.Parse(result.StandardOutput);
        var kind = SlurmErrorClassifier.Classify(result);
        if (kind == SlurmErrorKind.AccountingUnavailable) return null;
        throw new SlurmCommandException(result, kind);
    }

    /// <summary>
    /// One <c>sacct -X --parsable2 --jobs</c> call for the given jobs or arrays (<c>123</c>; a task id <c>123_4</c> asks
    /// for its array) submitted since <paramref name="since"/>: a poll asks only for what is not yet terminal. Null when
    /// accounting cannot answer, as <see cref="QueryAccounting"/>.
    /// </summary>
    public SlurmParseResult? QueryAccountingJobs(IReadOnlyCollection<string> jobIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var jobs = jobIds.Select(id => id.Split('_')[0]).Distinct(StringComparer.Ordinal).ToList();
        foreach (var job in jobs) RequireJobNumber(job);
        if (jobs.Count == 0) return new SlurmParseResult([], []);
        var start = since.ToLocalTime().AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var result = RunWithRetry(_options.Sacct,
            ["-X", "--parsable2", "--noheader", "--jobs", string.Join(',', jobs), "--starttime", start, $"--format={SacctParser.Format}"],
            cancellationToken);
        if (result.Succeeded) return SacctParser.Parse(result.StandardOutput);
        var kind = SlurmErrorClassifier.Classify(result);
        if (kind == SlurmErrorKind.AccountingUnavailable) return null;
        throw new SlurmCommandException(result, kind);
    }

    /// <summary>One <c>squeue</c> call: every queued or running task named <paramref name="jobName"/>, arrays expanded.</summary>
    public SlurmParseResult QueryQueue(string jobName, CancellationToken cancellationToken)
    {
        var result = RunChecked(_options.Squeue, ["--noheader", "--array", "--name", jobName, $"--format={SqueueParser.Format}"], cancellationToken);
        return SqueueParser.Parse(result.StandardOutput);
    }

    /// <summary>
    /// <c>scontrol show job</c> for each job id (one call per job or array, not per task); ids SLURM no longer knows
    /// (past MinJobAge) are left out of the answer.
    /// </summary>
    public SlurmParseResult ShowJobs(IEnumerable<string> jobIds, CancellationToken cancellationToken)
    {
        var tasks = new List<SlurmTaskState>();
        var malformed = new List<string>();
        foreach (var id in jobIds.Distinct(StringComparer.Ordinal))
        {
            RequireJobNumber(id);
            var result = RunWithRetry(_options.Scontrol, ["show", "job", id], cancellationToken);
            if (!result.Succeeded)
            {
                if (result.StandardError.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)) continue;
                throw new SlurmCommandException(result, SlurmErrorClassifier.Classify(result));
            }
            var parsed = ScontrolParser.ParseJobs(result.StandardOutput);
            tasks.AddRange(parsed.Tasks);
            malformed.AddRange(parsed.MalformedLines);
        }
        return new SlurmParseResult(tasks, malformed);
    }

    /// <summary>MaxArraySize from <c>scontrol show config</c> (SLURM's default, 1001, when it is not listed).</summary>
    public int MaxArraySize(CancellationToken cancellationToken)
    {
        var result = RunChecked(_options.Scontrol, ["show", "config"], cancellationToken);
        return ScontrolParser.MaxArraySize(result.StandardOutput) ?? 1001;
    }

    /// <summary>
    /// Every job named <paramref name="jobName"/> that SLURM still knows, by working directory (each submission of a
    /// run has its own folder, so the folder identifies it): one squeue call, plus one sacct call when accounting answers.
    /// </summary>
    public IReadOnlyDictionary<string, string> FindJobsByDirectory(string jobName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = RunChecked(_options.Squeue, ["--noheader", "--name", jobName, "--format=%i|%Z"], cancellationToken);
        AddJobDirectories(queue.StandardOutput, found);
        var start = since.ToLocalTime().AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var accounting = RunWithRetry(_options.Sacct,
            ["-X", "--parsable2", "--noheader", "--name", jobName, "--starttime", start, "--format=JobID,WorkDir"], cancellationToken);
        if (accounting.Succeeded) AddJobDirectories(accounting.StandardOutput, found);
        else if (SlurmErrorClassifier.Classify(accounting) != SlurmErrorKind.AccountingUnavailable)
            throw new SlurmCommandException(accounting, SlurmErrorClassifier.Classify(accounting));
        return found;
    }

    private static void AddJobDirectories(string output, Dictionary<string, string> found)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('|', 2);
            if (f.Length != 2 || f[1].Length == 0) continue;
            try { found.TryAdd(f[1].TrimEnd('/'), SlurmJobIdParser.Expand(f[0])[0].JobId); }
            catch (FormatException) { /* not a job line */ }
        }
    }

    /// <summary>
    /// One <c>scancel</c> for the given job ids (<c>123</c> cancels a job or a whole array, <c>123_4</c> one task).
    /// Ids already finished are not an error.
    /// </summary>
    public void Cancel(IReadOnlyCollection<string> jobIds, CancellationToken cancellationToken)
    {
        if (jobIds.Count == 0) return;
        foreach (var id in jobIds)
            if (!IsTaskId(id)) throw new ArgumentException($"'{id}' is not a SLURM job or array task id", nameof(jobIds));
        var result = RunWithRetry(_options.Scancel, [.. jobIds], cancellationToken);
        if (result.Succeeded || result.StandardError.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase)
            || result.StandardError.Contains("already completed", StringComparison.OrdinalIgnoreCase)) return;
        throw new SlurmCommandException(result, SlurmErrorClassifier.Classify(result));
    }

    /// <summary>True for <c>123</c> or <c>123_4</c>.</summary>
    public static bool IsTaskId(string id)
    {
        var parts = id.Split('_');
        return parts.Length <= 2 && parts.All(SlurmJobIdParser.IsJobNumber);
    }

    private static void RequireJobNumber(string id)
    {
        if (!SlurmJobIdParser.IsJobNumber(id)) throw new ArgumentException($"'{id}' is not a SLURM job id", nameof(id));
    }
}
