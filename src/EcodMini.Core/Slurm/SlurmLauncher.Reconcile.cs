namespace EcodMini.Core.Slurm;

public sealed partial class SlurmLauncher
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _jobsByFolder = new(StringComparer.Ordinal);

    /// <summary>
    /// For a chunk whose attempts were recorded but whose job id never was (the submitting process died around
    /// sbatch): the job SLURM runs for it, found by the run's job name and the submission folder, or null when it
    /// was never submitted (its chains may then be submitted again without running twice).
    /// </summary>
    public string? FindLaunched(string runId, string chunkId, string chunkManifestPath, CancellationToken cancellationToken)
    {
        var runFolder = Path.Combine(Path.GetFullPath(_options.ScriptDirectory), runId);
        if (!Directory.Exists(runFolder)) return null;
        string? folder = null;
        int? index = null;
        var single = Path.Combine(runFolder, chunkId + ".job");
        if (Directory.Exists(single)) folder = single;
        else
        {
            var manifest = Path.GetFullPath(chunkManifestPath);
            foreach (var candidate in Directory.EnumerateDirectories(runFolder, "*.array"))
            {
                var arrayPath = Path.Combine(candidate, "array.json");
                if (!File.Exists(arrayPath) || !ArrayManifest.TryRead(arrayPath, out var array)) continue;
                var at = array.Chunks.ToList().IndexOf(manifest);
                if (at < 0) continue;
                folder = candidate;
                index = at;
                break;
            }
        }
        if (folder is null) return null;
        if (!_jobsByFolder.TryGetValue(runId, out var jobs))
            _jobsByFolder[runId] = jobs = _client.FindJobsByDirectory(SlurmLaunchOptions.JobNameFor(runId), RunStart(runId), cancellationToken);
        if (!jobs.TryGetValue(folder, out var jobId)) return null;
        _runs.Add(runId);
        var id = index is null ? jobId : $"{jobId}_{index}";
        _log($"Chunk {chunkId}: reconciled with SLURM job {id} (submitted by a run that stopped before recording it)");
        return id;
    }
}
