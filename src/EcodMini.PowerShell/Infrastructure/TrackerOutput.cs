using System.Management.Automation;
using System.Reflection;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Tracker records (jobs, history events, stored results) as written to the pipeline. The record stays the base
/// object (so it binds to -Job and Import-EcodResult and keeps its view), with every property repeated in
/// declaration order and each time as the tracker's UTC ISO-8601 text (<c>2026-12-01T02:50:48.570Z</c>): a
/// DateTimeOffset exports to CSV in the culture's format, so without this <c>Export-Csv</c> and
/// <c>ConvertTo-Json</c> would disagree. <c>[datetimeoffset]$job.EndTime</c> gives the typed value back.
/// </summary>
internal static class TrackerOutput
{
    private static readonly PropertyInfo[] JobProperties = Public<JobRecord>();
    private static readonly PropertyInfo[] EventProperties = Public<JobEvent>();
    private static readonly PropertyInfo[] ResultProperties = Public<StoredResult>();

    public static PSObject Of(JobRecord job) => Shadow(job, JobProperties);

    public static IEnumerable<PSObject> Of(IEnumerable<JobRecord> jobs) => jobs.Select(Of);
    public static IEnumerable<PSObject> Of(IEnumerable<JobEvent> changes) => changes.Select(e => Shadow(e, EventProperties));
    public static IEnumerable<PSObject> Of(IEnumerable<StoredResult> results) => results.Select(r => Shadow(r, ResultProperties));

    private static PropertyInfo[] Public<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken).ToArray();

    private static PSObject Shadow(object record, PropertyInfo[] properties)
    {
        var shell = PSObject.AsPSObject(record);
        foreach (var property in properties)
        {
            var value = property.GetValue(record);
            shell.Properties.Add(new PSNoteProperty(property.Name, value is DateTimeOffset time ? TrackingTime.ToText(time) : value), preValidated: true);
        }
        return shell;
    }
}
