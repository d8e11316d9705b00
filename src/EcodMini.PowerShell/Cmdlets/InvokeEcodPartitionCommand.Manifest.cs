using System.Management.Automation;
using EcodMini.Core.Execution;
using EcodMini.Core.Model;
using EcodMini.Core.WorkerModules;
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
        UsePlainText();
        var path = ResolvePath(ManifestPath);
        var taskId = Environment.GetEnvironmentVariable("SLURM_ARRAY_TASK_ID");
        string chunk, chunkId;
        int total;
        try
        {
            chunk = ManifestWorker.ResolveChunk(path, taskId);
            var manifest = ChunkManifest.Read(chunk);
            (total, chunkId) = (manifest.Tasks.Count, manifest.ChunkId);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            Fail(ex, ex is FileNotFoundException ? "EcodManifestNotFound" : "EcodManifestInvalid",
                ex is FileNotFoundException ? ErrorCategory.ObjectNotFound : ErrorCategory.InvalidData, path);
            return;
        }
        WriteVerbose(chunk == path ? $"Running chunk manifest {chunk}" : $"Array task {taskId}: running chunk manifest {chunk}");
        if (!ShouldProcess(chunk, "Partition the chunk's chains and append their results")) return;
        if (!EnsurePinnedModule(chunk)) return;

        using var signals = new WorkerStopSignals();
        var progress = new ProgressReporter(1, "Partitioning chunk", total);
        Host.UI.WriteLine(WorkerLogLine.ChunkStart(chunkId, chunk, total, DateTimeOffset.UtcNow));
        ChunkRunSummary summary;
        try
        {
            int done = 0, failed = 0;
            summary = RunStoppableValue(() => ManifestWorker.Run(path, taskId, signals.Token, CancellationToken, record =>
            {
                done++;
                if (!record.IsCompleted && !record.IsCancelled) failed++;
                // One plain line per chain (time, chain id, outcome); failures also on standard error.
                var line = WorkerLogLine.ForRecord(record);
                if (record.IsCompleted) Host.UI.WriteLine(line);
                else Host.UI.WriteErrorLine(line);
                if (done % 10 == 0) WriteProgress(progress.Build(done, failed));
            }));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or InputFileException)
        {
            Fail(ex, "EcodManifestInvalid", ErrorCategory.InvalidData, chunk);
            return;
        }
        WriteProgress(progress.Completed());
        Host.UI.WriteLine(WorkerLogLine.ChunkEnd(summary, DateTimeOffset.UtcNow));
        if (signals.Received is { } signal)
            WriteWarning($"{chunk}: {signal} received; stopped after the chain in hand, {summary.NotRun} chains left for a retry");
        WriteObject(summary);
    }

    /// <summary>
    /// Workers write to files: plain text, no terminal escape codes (colours of errors and warnings included), for the
    /// rest of this session ($PSStyle.OutputRendering = PlainText).
    /// </summary>
    private void UsePlainText() =>
        InvokeCommand.InvokeScript(false, ScriptBlock.Create("if ($null -ne $PSStyle) { $PSStyle.OutputRendering = 'PlainText' }"), null);

    /// <summary>
    /// Compares this module's version with the one the chunk's run pinned, and says in the job's log which module runs.
    /// On a mismatch the chunk's chains are recorded as failed and the cmdlet stops with a terminating error.
    /// </summary>
    private bool EnsurePinnedModule(string chunk)
    {
        var module = MyInvocation.MyCommand.Module;
        var version = module?.Version.ToString() ?? "(unknown)";
        var manifest = module is null ? "(not imported as a module)" : Path.Combine(module.ModuleBase, WorkerModule.ManifestFileName);
        try
        {
            var pinned = WorkerModuleGuard.Ensure(chunk, version, manifest);
            WriteInformation(new HostInformationMessage
            {
                Message = $"{WorkerLogLine.Timestamp(DateTimeOffset.UtcNow)} EcodMini worker: module {version} from {manifest}" + (pinned is null ? " (the run pinned no version)" : $"; the run pinned {pinned.Version}"),
            }, ["PSHOST"]);
            return true;
        }
        catch (WorkerModuleMismatchException ex)
        {
            Fail(ex, "EcodWorkerModuleMismatch", ErrorCategory.InvalidOperation, chunk);
            return false;
        }
    }
}
