using EcodMini.Core.Processes;

namespace EcodMini.Core.Slurm;

public sealed partial class SlurmLauncher
{
    /// <summary>
    /// What <see cref="Launch"/> would submit for <paramref name="chunkCount"/> chunks, without writing or submitting
    /// anything (for -WhatIf): each sbatch command line with the script it would run. Asks SLURM only for MaxArraySize.
    /// </summary>
    public IReadOnlyList<(string Command, string Script)> Preview(int chunkCount, CancellationToken cancellationToken)
    {
        var runFolder = Path.Combine(Path.GetFullPath(_options.ScriptDirectory), _options.RunId);
        var previews = new List<(string, string)>();
        if (_options.Mode == SlurmMode.PerProtein)
        {
            var folder = Path.Combine(runFolder, "<chunk>.job");
            previews.Add((Command(folder) + $"   (x {chunkCount}, {_options.SubmitDelay.TotalSeconds:0.##} s apart)",
                JobScriptWriter.Build(_options.Script with { JobName = JobName, WorkingDirectory = "/preview", ManifestPath = "/preview/chunk.json", ArrayCount = null })));
            return previews;
        }
        var plan = ArraySplitPlanner.Plan(chunkCount, _client.MaxArraySize(cancellationToken));
        foreach (var slice in plan)
        {
            var folder = Path.Combine(runFolder, $"array-{slice.Number:D3}");
            previews.Add((Command(folder), JobScriptWriter.Build(_options.Script with
            {
                JobName = JobName, WorkingDirectory = folder, ManifestPath = Path.Combine(folder, "array.json"), ArrayCount = slice.Count,
            })));
        }
        return previews;
    }

    private string Command(string folder, IReadOnlyList<string>? arguments = null) =>
        new ProcessCommand(_client.Options.Sbatch, ["--parsable", .. arguments ?? [_options.Export], Path.Combine(folder, "job.sh")], _client.Options.CommandTimeout).Display;
}
