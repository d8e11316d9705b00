using EcodMini.Core.Processes;
using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Slurm;

public class SlurmErrorClassifierTests
{
    private static ProcessResult Failed(string stderr, bool timedOut = false) =>
        new(new ProcessCommand("sacct", [], TimeSpan.FromSeconds(1)), 1, "", stderr, timedOut, TimeSpan.Zero);

    [Theory]
    [InlineData("sacct_disabled.err")]
    [InlineData("sacct_dbd_down.err")]
    public void Recorded_accounting_failures_mean_fall_back(string file)
    {
        Assert.Equal(SlurmErrorKind.AccountingUnavailable, SlurmErrorClassifier.Classify(Failed(SlurmTestData.Read(file))));
    }

    [Theory]
    [InlineData("sbatch: error: Batch job submission failed: Socket timed out on send/recv operation")]
    [InlineData("squeue: error: Unable to contact slurm controller (connect failure)")]
    [InlineData("sbatch: error: Slurm temporarily unable to accept job, sleeping and retrying")]
    [InlineData("slurm_load_jobs error: Socket timed out on send/recv operation")]
    public void Controller_hiccups_are_transient(string stderr)
    {
        Assert.Equal(SlurmErrorKind.Transient, SlurmErrorClassifier.Classify(Failed(stderr)));
    }

    [Fact]
    public void A_timed_out_call_is_transient() => Assert.Equal(SlurmErrorKind.Transient, SlurmErrorClassifier.Classify(Failed("", timedOut: true)));

    [Theory]
    [InlineData("sbatch_invalid_partition.err")]
    [InlineData("scontrol_job_invalid.txt")]
    public void Real_refusals_are_permanent(string file)
    {
        Assert.Equal(SlurmErrorKind.Permanent, SlurmErrorClassifier.Classify(Failed(SlurmTestData.Read(file))));
    }
}
