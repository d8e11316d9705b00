namespace EcodMini.Core.Execution;

/// <summary>
/// A launch stopped by cancellation (Ctrl+C) part-way: <see cref="SubmittedJobIds"/> were accepted by the executor
/// (and one more submission may have reached it as it was interrupted). Nothing is cancelled and the chunks' attempts
/// stay open: the next command that polls finds these jobs by name and adopts them, so no chain runs twice.
/// </summary>
public sealed class LaunchInterruptedException(IReadOnlyList<string> submittedJobIds, Exception inner)
    : OperationCanceledException(Describe(submittedJobIds), inner)
{
    public IReadOnlyList<string> SubmittedJobIds { get; } = submittedJobIds;

    private static string Describe(IReadOnlyList<string> ids) =>
        (ids.Count == 0 ? "stopped during submission before any job was accepted"
            : $"stopped during submission: job(s) {string.Join(", ", ids)} were submitted and run")
        + "; a submission in flight may also have reached the cluster. Their chains stay recorded as submitted: the next " +
        "Submit-EcodJob, Get-EcodJobStatus -Refresh or Stop-EcodJob finds these jobs by name and adopts them (nothing runs twice)";
}
