using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Slurm;

/// <summary>The poll's sacct call against the real cluster: pending array tasks are listed when asked for by job id.</summary>
public class SlurmPollClusterTests
{
    private static readonly SlurmClient Client = new(new ProcessRunner());

    [SlurmFact]
    public void Held_array_tasks_are_listed_pending_by_one_sacct_call_over_their_job_id()
    {
        SlurmCluster.Require();
        using var temp = new TempFolder();
        var name = "ecodtest-" + Guid.NewGuid().ToString("N")[..10];
        var script = temp.File("held.sh", $"#!/bin/bash\n#SBATCH --output='{temp.Path}/%A_%a.out'\nsleep 1\n");
        var since = DateTimeOffset.Now;
        var jobId = Client.Submit(script, name, temp.Path, ["--hold", "--array=0-4", $"--job-name={name}", $"--chdir={temp.Path}"], since, CancellationToken.None);
        try
        {
            SlurmParseResult? listed = null;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                listed = Client.QueryAccountingJobs([jobId, $"{jobId}_3"], since, CancellationToken.None);
                Assert.NotNull(listed);
                if (listed.Tasks.Count == 5) break;
                Thread.Sleep(500);
            }
            Assert.Equal([0, 1, 2, 3, 4], listed!.Tasks.Select(t => t.Task.ArrayIndex!.Value).Order());
            Assert.All(listed.Tasks, t => Assert.Equal(SlurmJobState.Pending, t.State));
            Assert.Empty(listed.MalformedLines);
        }
        finally
        {
            Client.Cancel([jobId], CancellationToken.None);
        }
    }
}
