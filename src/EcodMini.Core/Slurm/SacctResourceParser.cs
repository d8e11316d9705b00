namespace EcodMini.Core.Slurm;

/// <summary>
/// Parses <c>sacct --parsable2 --noheader --format=</c><see cref="Format"/> with job steps: per task (the JobID before
/// any '.'), the allocation line gives state, elapsed and total CPU time, and the peak memory is the largest MaxRSS of
/// the allocation and its steps (SLURM reports MaxRSS on steps such as <c>.batch</c>). Pending and malformed lines are
/// passed over. Pure and thread-safe.
/// </summary>
public static class SacctResourceParser
{
    public const string Format = "JobID,State,Elapsed,TotalCPU,MaxRSS";

    public static IReadOnlyList<TaskResourceUsage> Parse(string output)
    {
        var byTask = new Dictionary<string, TaskResourceUsage>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var f = raw.TrimEnd('\r').Split('|');
            if (f.Length != 5 || f[0].Length == 0 || f[0].Contains('[')) continue;
            var dot = f[0].IndexOf('.');
            var id = dot < 0 ? f[0] : f[0][..dot];
            var rss = SlurmFieldParser.Kilobytes(f[4]);
            if (!byTask.TryGetValue(id, out var known))
            {
                order.Add(id);
                known = new TaskResourceUsage(id, SlurmJobState.Unknown, null, null, null);
            }
            var peak = rss is { } r && (known.MaxRssKilobytes is null || r > known.MaxRssKilobytes) ? rss : known.MaxRssKilobytes;
            byTask[id] = dot < 0
                ? new TaskResourceUsage(id, SlurmJobStates.Parse(f[1]), SlurmFieldParser.Duration(f[2]), SlurmFieldParser.Duration(f[3]), peak)
                : known with { MaxRssKilobytes = peak, TotalCpu = known.TotalCpu ?? SlurmFieldParser.Duration(f[3]) };
        }
        return order.Select(id => byTask[id]).ToList();
    }
}
