using System.Diagnostics;
using System.Management.Automation;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>Builds Write-Progress records with a rate and an ETA for counted work.</summary>
internal sealed class ProgressReporter(int activityId, string activity, int total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ProgressRecord Build(int done, int failed, string? current = null)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = done / seconds;
        var status = $"{done:N0} of {total:N0} done, {failed:N0} failed, {rate:N1}/s";
        var record = new ProgressRecord(activityId, activity, status)
        {
            PercentComplete = total <= 0 ? 0 : Math.Min(100, (int)(100L * done / total)),
        };
        if (rate > 0 && done < total) record.SecondsRemaining = (int)Math.Ceiling((total - done) / rate);
        if (current is not null) record.CurrentOperation = current;
        return record;
    }

    public ProgressRecord Completed()
    {
        return new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed };
    }
}
