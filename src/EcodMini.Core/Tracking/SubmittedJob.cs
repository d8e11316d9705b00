namespace EcodMini.Core.Tracking;

/// <summary>One chain after its submission was recorded: the job row and what was decided (and, when deferred, until when).</summary>
public sealed record SubmittedJob(JobRecord Job, SubmissionOutcome Outcome, DateTimeOffset? NotBefore = null);
