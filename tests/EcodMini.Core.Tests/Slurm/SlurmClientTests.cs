using EcodMini.Core.Slurm;
using EcodMini.Core.Tests.Processes;

namespace EcodMini.Core.Tests.Slurm;

public class SlurmClientTests
{
    private const string Timeout = "sbatch: error: Batch job submission failed: Socket timed out on send/recv operation";
    private readonly List<TimeSpan> _sleeps = [];

    private SlurmClient Client(FakeProcessRunner runner, int attempts = 4) =>
        new(runner, new SlurmClientOptions { MaxAttempts = attempts }, new Random(1), (t, _) => _sleeps.Add(t));

    [Fact]
    public void Sbatch_runs_once_with_parsable_and_the_script_last()
    {
        var runner = new FakeProcessRunner().Answer("sbatch", "77\n");
        var id = Client(runner).Submit("/w/a.sh", "ecod-run", "/w/a0", ["--hold"], DateTimeOffset.Now, CancellationToken.None);
        Assert.Equal("77", id);
        Assert.Equal(["--parsable", "--hold", "/w/a.sh"], runner.Calls.Single().Arguments);
    }

    [Fact]
    public void A_transient_sbatch_failure_is_retried_with_growing_jittered_delays()
    {
        var runner = new FakeProcessRunner()
            .Answer("sbatch", "", "sbatch: error: Slurm temporarily unable to accept job, sleeping and retrying", 1)
            .Answer("sbatch", "", "sbatch: error: Slurm temporarily unable to accept job", 1)
            .Answer("sbatch", "78\n");
        Assert.Equal("78", Client(runner).Submit("/w/a.sh", "ecod-run", "/w/a0", [], DateTimeOffset.Now, CancellationToken.None));
        Assert.Equal(3, runner.CallsTo("sbatch"));
        Assert.Equal(2, _sleeps.Count);
        Assert.InRange(_sleeps[0], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(_sleeps[1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void A_permanent_refusal_is_never_retried_and_quotes_sbatch()
    {
        var runner = new FakeProcessRunner().Answer("sbatch", "", SlurmTestData.Read("sbatch_invalid_partition.err"), 1);
        var ex = Assert.Throws<SlurmCommandException>(() => Client(runner).Submit("/w/a.sh", "ecod-run", "/w/a0", [], DateTimeOffset.Now, CancellationToken.None));
        Assert.Equal(1, runner.CallsTo("sbatch"));
        Assert.Contains("Invalid partition name specified", ex.Message);
        Assert.Contains("/w/a.sh", ex.Message);
    }

    [Fact]
    public void After_an_sbatch_timeout_a_job_already_known_by_name_is_returned_instead_of_resubmitting()
    {
        var runner = new FakeProcessRunner()
            .Answer("sbatch", "", Timeout, 1)
            .Answer("squeue", "90_[0-9%2]|/w/other\n91_[0-9%2]|/w/a0\n")
            .Answer("sacct", "");
        Assert.Equal("91", Client(runner).Submit("/w/a.sh", "ecod-run", "/w/a0", [], DateTimeOffset.Now, CancellationToken.None));
        Assert.Equal(1, runner.CallsTo("sbatch"));
        Assert.Contains("ecod-run", runner.Calls.Single(c => c.FileName == "squeue").Arguments);
    }

    [Fact]
    public void After_an_sbatch_timeout_with_no_such_job_sbatch_is_tried_again()
    {
        var runner = new FakeProcessRunner()
            .Answer("sbatch", "", Timeout, 1)
            .Answer("squeue", "90_[0-9%2]|/w/other\n").Answer("sacct", "89|/w/a1\n")
            .Answer("sbatch", "92\n");
        Assert.Equal("92", Client(runner).Submit("/w/a.sh", "ecod-run", "/w/a0", [], DateTimeOffset.Now, CancellationToken.None));
        Assert.Equal(2, runner.CallsTo("sbatch"));
    }

    [Fact]
    public void Retries_stop_at_the_attempt_limit()
    {
        var runner = new FakeProcessRunner();
        for (var i = 0; i < 2; i++) runner.Answer("squeue", "", "squeue: error: Unable to contact slurm controller (connect failure)", 1);
        var ex = Assert.Throws<SlurmCommandException>(() => Client(runner, attempts: 2).QueryQueue("ecod-run", CancellationToken.None));
        Assert.Equal(SlurmErrorKind.Transient, ex.Kind);
        Assert.Equal(2, runner.CallsTo("squeue"));
    }

    [Fact]
    public void One_sacct_call_polls_the_whole_run_by_name()
    {
        var runner = new FakeProcessRunner().Answer("sacct", SlurmTestData.Read("sacct_final.txt"));
        var parsed = Client(runner).QueryAccounting("ecod-run", DateTimeOffset.Now, CancellationToken.None);
        Assert.NotNull(parsed);
        Assert.Single(runner.Calls);
        var args = runner.Calls[0].Arguments;
        Assert.Contains("-X", args);
        Assert.Contains("--parsable2", args);
        Assert.Equal("ecod-run", args[args.ToList().IndexOf("--name") + 1]);
        Assert.Contains($"--format={SacctParser.Format}", args);
    }

    [Theory]
    [InlineData("sacct_disabled.err")]
    [InlineData("sacct_dbd_down.err")]
    public void Sacct_without_accounting_answers_null_so_the_caller_falls_back(string file)
    {
        var runner = new FakeProcessRunner().Answer("sacct", "", SlurmTestData.Read(file), 1);
        Assert.Null(Client(runner).QueryAccounting("ecod-run", DateTimeOffset.Now, CancellationToken.None));
        Assert.Equal(1, runner.CallsTo("sacct"));
    }

    [Fact]
    public void Scontrol_skips_jobs_slurm_has_forgotten()
    {
        var runner = new FakeProcessRunner()
            .Answer("scontrol", "", SlurmTestData.Read("scontrol_job_invalid.txt"), 1)
            .Answer("scontrol", SlurmTestData.Read("scontrol_job_timeout.txt"));
        var parsed = Client(runner).ShowJobs(["99999", "4", "4"], CancellationToken.None);
        Assert.Equal(SlurmJobState.Timeout, parsed.Tasks.Single().State);
        Assert.Equal(2, runner.CallsTo("scontrol"));
    }

    [Fact]
    public void Max_array_size_comes_from_scontrol_show_config()
    {
        var runner = new FakeProcessRunner().Answer("scontrol", SlurmTestData.Read("scontrol_config.txt"));
        Assert.Equal(101, Client(runner).MaxArraySize(CancellationToken.None));
    }

    [Fact]
    public void Cancel_is_one_scancel_and_refuses_anything_but_job_numbers()
    {
        var runner = new FakeProcessRunner().Answer("scancel", "");
        var client = Client(runner);
        client.Cancel(["12", "13_4"], CancellationToken.None);
        Assert.Equal(["12", "13_4"], runner.Calls.Single().Arguments);
        Assert.Throws<ArgumentException>(() => client.Cancel(["12;rm"], CancellationToken.None));
        Assert.Throws<ArgumentException>(() => client.Cancel(["12_[1-3]"], CancellationToken.None));
        Assert.Equal(1, client.CallCounts["scancel"]);
    }
}
