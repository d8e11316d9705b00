using EcodMini.Core.Slurm;
using EcodMini.Core.Tracking;

namespace EcodMini.Core.JobLogs;

/// <summary>
/// Gathers one chain's <see cref="JobLog"/>: the attempt's SLURM facts (through <paramref name="slurmDetail"/>, null
/// when SLURM cannot be asked), its job's output files in the log folder, and the run log's and the worker's lines
/// about the chain. Reads only; a missing part is named in <see cref="JobLog.Notes"/>.
/// </summary>
public sealed class JobLogReader(string? logDirectory, Func<string, SlurmJobDetail?>? slurmDetail = null)
{
    /// <param name="tail">Lines kept of stdout and stderr (the last ones); null keeps all.</param>
    public JobLog Read(JobRecord job, AttemptRecord? attempt, int? tail = null)
    {
        var notes = new List<string>();
        var log = new JobLog
        {
            ProteinId = job.ProteinId, BatchName = job.BatchName, Status = job.Status, ErrorClass = job.ErrorClass, Error = job.Error,
            ExitCode = job.ExitCode,
        };
        if (attempt is null)
            return log with { Notes = ["the chain has not started yet: nothing is logged"] };
        log = log with
        {
            AttemptNumber = attempt.AttemptNumber, RunId = attempt.RunId, ChunkId = attempt.ChunkId, Executor = attempt.Launcher,
            JobId = attempt.ExecutorJobId,
        };
        if (string.IsNullOrEmpty(logDirectory)) notes.Add("no log folder (paths.log_dir) is configured: no run log or job output to read");
        var runLog = string.IsNullOrEmpty(logDirectory) ? null : Path.Combine(logDirectory, attempt.RunId + ".log");
        var engine = new List<string>();
        var runLines = LogFileText.ReadLines(runLog);
        if (runLines is null && runLog is not null) notes.Add($"{runLog}: no run log (removed, or written elsewhere)");
        engine.AddRange((runLines ?? []).Where(l => LogFileText.Names(l, job.ProteinId) || (attempt.ChunkId is { } c && LogFileText.Names(l, c))));

        if (attempt.Launcher == "slurm" && attempt.ExecutorJobId is { } task && SlurmClient.IsTaskId(task))
        {
            var detail = slurmDetail?.Invoke(task);
            if (detail is null) notes.Add($"SLURM does not know job {task} any more (or was not asked): no node or SLURM exit code");
            var files = string.IsNullOrEmpty(logDirectory) ? default : SlurmLogFiles.For(logDirectory, attempt.RunId, task);
            var stdoutPath = detail?.StdoutPath ?? files.Stdout;
            var stderrPath = detail?.StderrPath ?? files.Stderr;
            var stdout = LogFileText.ReadLines(stdoutPath);
            var stderr = LogFileText.ReadLines(stderrPath);
            if (stdoutPath is not null && stdout is null) notes.Add($"{stdoutPath}: not found (the job has not started, or the file was removed)");
            engine.AddRange((stdout ?? []).Concat(stderr ?? []).Where(l => LogFileText.Names(l, job.ProteinId)));
            log = log with
            {
                SlurmJobId = task, Node = detail?.Node, SlurmState = detail?.StateText, ExitCode = detail?.ExitCode?.Code ?? job.ExitCode,
                StdoutPath = stdoutPath, StderrPath = stderrPath, Stdout = Text(stdout, tail), Stderr = Text(stderr, tail),
            };
        }
        return log with
        {
            RunLogPath = runLines is null ? null : runLog,
            EngineLog = engine.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Notes = notes,
        };
    }

    private static string? Text(IReadOnlyList<string>? lines, int? tail) =>
        lines is null ? null : string.Join('\n', tail is { } n ? lines.Skip(Math.Max(0, lines.Count - n)) : lines);
}
