using EcodMini.Core.Slurm;

namespace EcodMini.Core.Tests.Slurm;

public class SlurmJobStatesTests
{
    [Theory]
    [InlineData("PENDING", SlurmJobState.Pending, false)]
    [InlineData("CONFIGURING", SlurmJobState.Configuring, false)]
    [InlineData("RUNNING", SlurmJobState.Running, false)]
    [InlineData("COMPLETING", SlurmJobState.Completing, false)]
    [InlineData("COMPLETED", SlurmJobState.Completed, true)]
    [InlineData("FAILED", SlurmJobState.Failed, true)]
    [InlineData("TIMEOUT", SlurmJobState.Timeout, true)]
    [InlineData("CANCELLED", SlurmJobState.Cancelled, true)]
    [InlineData("CANCELLED by 123", SlurmJobState.Cancelled, true)]
    [InlineData("CANCELLED by 0", SlurmJobState.Cancelled, true)]
    [InlineData("OUT_OF_MEMORY", SlurmJobState.OutOfMemory, true)]
    [InlineData("NODE_FAIL", SlurmJobState.NodeFail, true)]
    [InlineData("PREEMPTED", SlurmJobState.Preempted, true)]
    [InlineData("BOOT_FAIL", SlurmJobState.BootFail, true)]
    [InlineData("DEADLINE", SlurmJobState.Deadline, true)]
    [InlineData("REQUEUED", SlurmJobState.Requeued, false)]
    [InlineData("SUSPENDED", SlurmJobState.Suspended, false)]
    public void Every_documented_state_is_mapped(string text, SlurmJobState expected, bool terminal)
    {
        var state = SlurmJobStates.Parse(text);
        Assert.Equal(expected, state);
        Assert.Equal(terminal, SlurmJobStates.IsTerminal(state));
        Assert.Equal(!terminal, SlurmJobStates.IsActive(state));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("COMPLETED_ISH")]
    [InlineData("garbage")]
    [InlineData("UNKNOWN")]
    public void Unrecognised_text_is_unknown_and_never_success(string? text)
    {
        var state = SlurmJobStates.Parse(text);
        Assert.Equal(SlurmJobState.Unknown, state);
        Assert.False(SlurmJobStates.IsTerminal(state));
        Assert.NotEqual(SlurmJobState.Completed, state);
    }

    [Theory]
    [InlineData(SlurmJobState.Timeout, "TIMEOUT")]
    [InlineData(SlurmJobState.OutOfMemory, "OUT_OF_MEMORY")]
    [InlineData(SlurmJobState.NodeFail, "NODE_FAIL")]
    [InlineData(SlurmJobState.Cancelled, "CANCELLED")]
    public void Failure_reasons_name_the_slurm_state(SlurmJobState state, string word)
    {
        Assert.Contains(word, SlurmJobStates.FailureReason(state));
    }

    [Theory]
    [InlineData("0:0", 0, 0, true)]
    [InlineData("1:0", 1, 0, false)]
    [InlineData("0:9", 0, 9, false)]
    [InlineData("0:15", 0, 15, false)]
    [InlineData("255", 255, 0, false)]
    public void Exit_codes_split_into_code_and_signal(string text, int code, int signal, bool success)
    {
        var exit = SlurmExitCode.Parse(text);
        Assert.Equal(new SlurmExitCode(code, signal), exit);
        Assert.Equal(success, exit!.Value.IsSuccess);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:b")]
    [InlineData("1:2:3")]
    [InlineData("-1:0")]
    public void Malformed_exit_codes_are_null(string text) => Assert.Null(SlurmExitCode.Parse(text));
}
