using System.Management.Automation;
using EcodMini.Core.Execution;
using EcodMini.Core.Model;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Worker mode: runs one chunk manifest under the worker contract (what every SLURM job script calls).</summary>
public sealed partial class InvokeEcodPartitionCommand
{
    private const string ManifestSet = "Manifest";

    /// <summary>A chunk manifest, or an array manifest whose chunk is chosen by SLURM_ARRAY_TASK_ID.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ManifestSet)]
    [ValidateNotNullOrEmpty]
    public string ManifestPath { get; set; } = "";

    private void RunManifest()
    {
        var path = ResolvePath(ManifestPath);
        var taskId = Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID");
        string chunk;
        int total;
        try
        {
            chunk = ManifestWorker.ResolveChunk(path, taskId);
            total = ChunkManifest.Read(chunk).Tasks.Count;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Fail(ex, ex is FileNotFoundException ? "EcodManifestNotFound" : "EcodManifestInvalid",
                ex is FileNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidData, path);
            return;
        }
        WriteVerbose(chunk == path ? $"Running chunk manifest {chunk}" : $"Array task {taskId}: running chunk manifest {chunk}");
        if (!ShouldProcess(chunk, "Partition the chunk's chains and append their results")) return;

        using var signals = new WorkerStopSignals();
        var progress = new ProgressReporter(1, "Partitioning chunk", total);
        ChunkRunSummary summary;
        try
        {
            int done = 0, failed = 0;
            summary = RunStoppableValue(() => ManifestWorker.Run(path, taskId, signals.Token, CancellationToken, record =>
            {
                done++;
                if (!record.IsCompleted && !record.IsCancelled) failed++;
                if (done % 10 == 0) WriteProgress(progress.Build(done, failed));
            }));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or InputFileException)
        {
            Fail(ex, "EcodManifestInvalid", ErrorCategory.InvalidData, chunk);
            return;
        }
        WriteProgress(progress.Completed());
        if (signals.Received is { } signal)
            WriteWarning($"{chunk}: {signal} received; stopped after the chain in hand, {summary.NotRun} chains left for a retry");
        WriteObject(summary);
    }
}
