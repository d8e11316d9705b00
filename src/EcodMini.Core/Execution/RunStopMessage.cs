using EcodMini.Core.Tracking;

namespace EcodMini.Core.Execution;

/// <summary>The one line a run stopped by Ctrl+C leaves: what is done, what is left, and how to go on.</summary>
public static class RunStopMessage
{
    public static string Describe(ExecutionResult? result, bool cluster)
    {
        if (result is null) return "Stopped before the run had recorded anything; run the same command again to resume";
        var pending = result.Jobs.Count(j => j.Status == JobStatus.Pending);
        if (!cluster)
        {
            var completed = result.Jobs.Count(j => j.Status == JobStatus.Completed);
            return $"Stopped: {completed} completed, {pending} pending; run the same command again to resume";
        }
        var submitted = result.Jobs.Where(j => JobStatus.IsActive(j.Status)).ToList();
        if (submitted.Count == 0) return $"Stopped: nothing was submitted to SLURM, {pending} pending; run the same command again to resume";
        var jobs = submitted.Select(j => j.JobId?.Split('_')[0]).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return $"Stopped: {submitted.Count} chain(s) were submitted to SLURM as job(s) {string.Join(", ", jobs)} and keep running " +
               $"(Get-EcodJobStatus -Wait follows them, Stop-EcodJob cancels them); {pending} pending; run the same command again to submit those";
    }
}
