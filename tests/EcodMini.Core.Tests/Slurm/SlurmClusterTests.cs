using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Slurm;

/// <summary>The SLURM wrapper against the real single-node cluster: the parsers must read what SLURM really prints.</summary>
public class SlurmClusterTests
{
    private static readonly SlurmClient Client = new(new ProcessRunner());

    [SlurmFact]
    public void An_array_submitted_from_a_generated_script_runs_and_one_sacct_call_reports_every_task()
    {
        SlurmCluster.Require();
        using var temp = new TempFolder();
        var name = "ecodtest-" + Guid.NewGuid().ToString("N")[..10];
        var since = DateTimeOffset.Now;
        var script = temp.File("array.sh");
        File.WriteAllText(script, $"#!/bin/bash\n#SBATCH --job-name='{name}'\n#SBATCH --array=0-4%2\n#SBATCH --output='{temp.Path}/%A_%a.out'\n" +
                                  "#SBATCH --chdir='" + temp.Path + "'\n[ \"$SLURM_ARRAY_TASK_ID\" = 3 ] && exit 3\necho done\n");
        var client = new SlurmClient(new ProcessRunner());
        var jobId = client.Submit(script, name, temp.Path, [], since, CancellationToken.None);

        SlurmParseResult? final = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var polled = client.QueryAccounting(name, since, CancellationToken.None);
            Assert.NotNull(polled);
            Assert.Empty(polled.MalformedLines);
            if (polled.Tasks.Count == 5 && polled.Tasks.All(t => SlurmJobStates.IsTerminal(t.State))) { final = polled; break; }
            Thread.Sleep(1000);
        }
        Assert.NotNull(final);
        Assert.All(final.Tasks, t => Assert.Equal(jobId, t.Task.JobId));
        Assert.Equal([0, 1, 2, 3, 4], final.Tasks.Select(t => t.Task.ArrayIndex!.Value).Order());
        var failed = final.Tasks.Single(t => t.Task.ArrayIndex == 3);
        Assert.Equal(SlurmJobState.Failed, failed.State);
        Assert.Equal(new SlurmExitCode(3, 0), failed.ExitCode);
        Assert.All(final.Tasks.Where(t => t.Task.ArrayIndex != 3), t => Assert.Equal(SlurmJobState.Completed, t.State));
        Assert.Equal(1, client.CallCounts["sbatch"]);

        // Within MinJobAge the queue tools still know the job: the fallback path reads the same outcome.
        var shown = client.ShowJobs([jobId], CancellationToken.None);
        Assert.Equal(SlurmJobState.Failed, shown.Tasks.Single(t => t.Task.ArrayIndex == 3).State);
        Assert.Equal(temp.Path, client.FindJobsByDirectory(name, since, CancellationToken.None).Keys.Single());
    }

    [SlurmFact]
    public void A_held_array_is_pending_in_squeue_and_cancelled_by_scancel()
    {
        SlurmCluster.Require();
        using var temp = new TempFolder();
        var name = "ecodtest-" + Guid.NewGuid().ToString("N")[..10];
        var script = temp.File("held.sh", $"#!/bin/bash\n#SBATCH --output='{temp.Path}/%A_%a.out'\nsleep 1\n");
        var jobId = Client.Submit(script, name, temp.Path, ["--hold", "--array=0-9%2", $"--job-name={name}", $"--chdir={temp.Path}"],
            DateTimeOffset.Now, CancellationToken.None);
        var queued = Client.QueryQueue(name, CancellationToken.None);
        Assert.Equal(10, queued.Tasks.Count);
        Assert.All(queued.Tasks, t => Assert.Equal(SlurmJobState.Pending, t.State));
        Assert.True(Client.MaxArraySize(CancellationToken.None) >= 2);

        Client.Cancel([jobId], CancellationToken.None);
        var shown = Client.ShowJobs([jobId], CancellationToken.None);
        Assert.All(shown.Tasks, t => Assert.Equal(SlurmJobState.Cancelled, t.State));
        Client.Cancel([jobId], CancellationToken.None); // cancelling again is not an error
    }
}
