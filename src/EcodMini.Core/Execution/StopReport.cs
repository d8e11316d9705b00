using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>
/// What a stop did, chain by chain (job row ids): each chain asked for is in exactly one list. Nothing that had
/// already finished is ever marked cancelled: such chains are collected (their results ingested) and listed apart.
/// </summary>
public sealed record StopReport
{
    /// <summary>Chains whose executor task was cancelled (a SLURM array task or job holding only chains asked for): now cancelled.</summary>
    public IReadOnlyList<long> Cancelled { get; init; } = [];

    /// <summary>Chains listed in their work folder's stop file: their worker skips each before starting it (chains running now finish).</summary>
    public IReadOnlyList<long> Requested { get; init; } = [];

    /// <summary>Chains whose worker had already ended: collected from their result files and the executor's verdict, not cancelled.</summary>
    public IReadOnlyList<long> AlreadyEnded { get; init; } = [];

    /// <summary>Chains asked for that had no running attempt (nothing to stop).</summary>
    public IReadOnlyList<long> NotRunning { get; init; } = [];

    /// <summary>The executor job ids cancelled (SLURM array tasks or jobs).</summary>
    public IReadOnlyList<string> ExecutorJobs { get; init; } = [];

    /// <summary>
    /// The live run owning the tracker when the stop was asked for (its workers honour the stop file; the owner records
    /// the cancellations as its workers report them); null when this process held the lease itself.
    /// </summary>
    public TrackerLease? Owner { get; init; }

    /// <summary>Chains stopped or asked to stop: cancelled now plus requested through the stop file.</summary>
    public int StoppedCount => Cancelled.Count + Requested.Count;

    /// <summary>One line for people: what was stopped, how, and what was left alone.</summary>
    public string Describe() =>
        $"{StoppedCount} chain(s) stopped: {Cancelled.Count} cancelled with their executor task(s) ({ExecutorJobs.Count} task(s)), " +
        $"{Requested.Count} skipped by their worker before they start (stop file; a chain already running finishes)" +
        (Owner is null ? "" : $" by the run that owns the tracker, {Owner.Describe()}") +
        $"; {AlreadyEnded.Count} had already ended (results collected, not cancelled); {NotRunning.Count} were not running";
}
