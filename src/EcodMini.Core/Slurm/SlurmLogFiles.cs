namespace EcodMini.Core.Slurm;

/// <summary>
/// Where a worker job's standard output and error go: <c>&lt;log dir&gt;/&lt;job name&gt;_&lt;array job&gt;_&lt;task&gt;.out</c>
/// (array task) or <c>&lt;job name&gt;_&lt;job&gt;.out</c> (one job per chain), as the job script's --output/--error say.
/// </summary>
public static class SlurmLogFiles
{
    public static (string Stdout, string Stderr) For(string logDirectory, string runId, string taskId)
    {
        var stem = Path.Combine(logDirectory, $"{SlurmLaunchOptions.JobNameFor(runId)}_{taskId}");
        return (stem + ".out", stem + ".err");
    }
}
