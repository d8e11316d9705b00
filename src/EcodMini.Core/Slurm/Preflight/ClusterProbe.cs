using System.Diagnostics;
using System.Text;

namespace EcodMini.Core.Slurm.Preflight;

/// <summary>
/// The node probe: the head node writes a token file into every shared folder, then one tiny job (the run's
/// partition, memory and --export list) reads each token on a compute node, imports the worker module with the run's
/// pwsh, and writes its report into the job script folder (and a copy into the log folder). Waits at most
/// <see cref="ClusterCheckContext.ProbeTimeout"/>; a probe still pending then is cancelled and reported as such.
/// Every value is validated before it reaches the script. The token files and the probe folder are removed afterwards.
/// </summary>
public static class ClusterProbe
{
    private const string TokenPrefix = ".ecod-preflight-";

    public static ClusterProbeOutcome Run(ClusterCheckContext context, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var folders = context.SharedFolders.Select(f => Path.GetFullPath(f.Path)).ToList();
        var tokenFiles = new List<string>();
        string folder;
        try
        {
            folder = Path.Combine(Path.GetFullPath(context.Launch.ScriptDirectory), "preflight-" + token);
            Directory.CreateDirectory(folder);
            foreach (var shared in folders)
            {
                var file = Path.Combine(shared, TokenPrefix + token);
                try { File.WriteAllText(file, token); tokenFiles.Add(file); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* the writable check names it */ }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ClusterProbeOutcome { Problem = $"cannot prepare the probe in {context.Launch.ScriptDirectory}: {ex.Message}" };
        }
        try
        {
            return Submit(context, token, folder, folders, cancellationToken);
        }
        catch (Exception ex) when (ex is SlurmCommandException or Processes.ProcessStartException or UnsafeJobValueException or IOException)
        {
            return new ClusterProbeOutcome { Problem = $"the probe job could not run: {ex.Message}" };
        }
        finally
        {
            foreach (var file in tokenFiles) TryDelete(() => File.Delete(file));
            TryDelete(() => Directory.Delete(folder, recursive: true));
            TryDelete(() => File.Delete(Path.Combine(context.Launch.Script.LogDirectory, $"preflight-{token}.txt")));
        }
    }

    private static ClusterProbeOutcome Submit(ClusterCheckContext context, string token, string folder, List<string> folders, CancellationToken cancellationToken)
    {
        var script = Path.Combine(folder, "probe.sh");
        var report = Path.Combine(folder, "node.txt");
        var copy = Path.Combine(Path.GetFullPath(context.Launch.Script.LogDirectory), $"preflight-{token}.txt");
        File.WriteAllText(script, BuildScript(context, token, folder, folders, report, copy));
        var name = $"ecod-preflight-{token[..12]}";
        var id = context.Client.Submit(script, name, folder, [context.Launch.Export], DateTimeOffset.UtcNow, cancellationToken);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var queue = context.Client.RunCommand(context.Client.Options.Squeue, ["--noheader", "--jobs", id, "--format=%T"], cancellationToken);
            var state = queue.Succeeded ? queue.StandardOutput.Trim() : "";
            if (queue.Succeeded && state.Length == 0) break;
            if (clock.Elapsed >= context.ProbeTimeout)
            {
                context.Client.Cancel([id], CancellationToken.None);
                // Still queued or still running (a loaded node): not verified, which is a warning, not a failure.
                var pending = state.Length > 0;
                return new ClusterProbeOutcome
                {
                    JobId = id, StillPending = pending,
                    Problem = pending ? $"probe job {id} was still {state.ToLowerInvariant()} after {context.ProbeTimeout.TotalSeconds:0} s (the cluster is busy)"
                        : $"probe job {id} did not end within {context.ProbeTimeout.TotalSeconds:0} s (state {(state.Length == 0 ? "unknown" : state)})",
                };
            }
            if (cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1))) cancellationToken.ThrowIfCancellationRequested();
        }
        var text = File.Exists(report) ? File.ReadAllText(report) : File.Exists(copy) ? File.ReadAllText(copy) : null;
        if (text is null)
            return new ClusterProbeOutcome { JobId = id, Problem = $"probe job {id} ended without a report in {folder} or {copy}: the node could not write either folder (or the job failed to start there)" };
        return Parse(id, text, folders);
    }

    private static ClusterProbeOutcome Parse(string id, string text, List<string> folders)
    {
        var visible = new Dictionary<string, bool>(StringComparer.Ordinal);
        string? node = null, version = null;
        var module = new StringBuilder();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length < 2) continue;
            switch (parts[0])
            {
                case "node": node = parts[1].Trim(); break;
                case "visible" or "missing" when int.TryParse(parts[1], out var i) && i >= 0 && i < folders.Count: visible[folders[i]] = parts[0] == "visible"; break;
                case "version": version = parts[1].Trim(); break;
                case "module": module.AppendLine(parts[1]); break;
            }
        }
        return new ClusterProbeOutcome { JobId = id, Node = node, FolderVisible = visible, ModuleVersion = string.IsNullOrEmpty(version) ? null : version, ModuleOutput = module.ToString().Trim() };
    }

    private static string BuildScript(ClusterCheckContext context, string token, string folder, List<string> folders, string report, string copy)
    {
        var s = context.Launch.Script;
        var q = (string setting, string value) => JobScriptValues.Quote(JobScriptValues.Path(setting, value));
        var text = new StringBuilder("#!/bin/bash\n# EcodMini preflight probe (Test-EcodCluster): reads the head node's tokens and imports the worker module.\n");
        if (s.Partition is not null) text.Append("#SBATCH --partition=").Append(JobScriptValues.Quote(JobScriptValues.Partition("slurm.partition", s.Partition))).Append('\n');
        text.Append("#SBATCH --time=5\n#SBATCH --mem=").Append(JobScriptValues.Quote(JobScriptValues.Memory("slurm.memory", s.Memory))).Append('\n');
        text.Append("#SBATCH --output=").Append(q("probe output", Path.Combine(folder, "probe.out"))).Append('\n');
        text.Append("#SBATCH --chdir=/tmp\n\n");
        text.Append("r=").Append(q("probe report", report + ".tmp")).Append("\n{\n  echo \"node $(hostname)\"\n");
        for (var i = 0; i < folders.Count; i++)
        {
            text.Append("  if [ \"$(cat ").Append(q("shared folder", Path.Combine(folders[i], TokenPrefix + token))).Append(" 2>/dev/null)\" = '").Append(token)
                .Append("' ]; then echo 'visible ").Append(i).Append("'; else echo 'missing ").Append(i).Append("'; fi\n");
        }
        var program = string.Join(' ', s.WorkerProgram.Select(p => q("worker program", p)));
        // The module is imported exactly as the run's job scripts import it (by path, or by name at the pinned version).
        var import = JobScriptValues.Quote(WorkerModules.WorkerModuleImport.Statements(s.Module) + "; \"version \" + (Get-Module EcodMini).Version");
        text.Append("  ").Append(program).Append(" -NoProfile -NonInteractive -Command ").Append(import).Append(" 2>&1 | sed -e '/^version /!s/^/module /' | tail -n 20\n");
        text.Append("} > \"$r\" 2>&1\ncp \"$r\" ").Append(q("log folder", copy)).Append(" 2>/dev/null\nmv \"$r\" ").Append(q("probe report", report)).Append('\n');
        return text.ToString();
    }

    private static void TryDelete(Action delete)
    {
        try { delete(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* best effort */ }
    }
}
