namespace EcodMini.Core.Slurm;

/// <summary>
/// Parses <c>scontrol show job</c> (records of <c>Key=Value</c> words, one record per job or array remainder) and
/// <c>scontrol show config</c> (<c>Key = Value</c> lines). Pure and thread-safe.
/// </summary>
public static class ScontrolParser
{
    /// <summary>The tasks of every record; an array remainder (<c>ArrayTaskId=1-9%2</c>) gives one task per index.</summary>
    public static SlurmParseResult ParseJobs(string output)
    {
        var tasks = new List<SlurmTaskState>();
        var malformed = new List<string>();
        foreach (var record in Records(output))
        {
            record.TryGetValue("JobId", out var jobId);
            record.TryGetValue("JobState", out var stateText);
            if (jobId is null || stateText is null) { malformed.Add(string.Join(' ', record.Select(p => $"{p.Key}={p.Value}"))); continue; }
            var idText = record.TryGetValue("ArrayJobId", out var arrayJob) && record.TryGetValue("ArrayTaskId", out var arrayTask)
                ? (arrayTask.All(char.IsAsciiDigit) ? $"{arrayJob}_{arrayTask}" : $"{arrayJob}_[{arrayTask}]")
                : jobId;
            IReadOnlyList<SlurmTaskId> ids;
            try { ids = SlurmJobIdParser.Expand(idText); }
            catch (FormatException) { malformed.Add($"JobId={jobId}"); continue; }
            var state = SlurmJobStates.Parse(stateText);
            var exit = SlurmExitCode.Parse(record.GetValueOrDefault("ExitCode"));
            var start = SlurmFieldParser.Time(record.GetValueOrDefault("StartTime") ?? "");
            var end = SlurmFieldParser.Time(record.GetValueOrDefault("EndTime") ?? "");
            var elapsed = SlurmFieldParser.Duration(record.GetValueOrDefault("RunTime") ?? "");
            var reason = record.GetValueOrDefault("Reason");
            foreach (var id in ids)
                tasks.Add(new SlurmTaskState(id, state, stateText, exit, start, end, elapsed, Reason: reason));
        }
        return new SlurmParseResult(tasks, malformed);
    }

    /// <summary>The <c>Key = Value</c> pairs of <c>scontrol show config</c>.</summary>
    public static IReadOnlyDictionary<string, string> ParseConfig(string output)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in output.Split('\n'))
        {
            var eq = line.IndexOf(" = ", StringComparison.Ordinal);
            if (eq <= 0) continue;
            values[line[..eq].Trim()] = line[(eq + 3)..].Trim();
        }
        return values;
    }

    /// <summary>MaxArraySize from <c>scontrol show config</c>; null when absent or not a number.</summary>
    public static int? MaxArraySize(string configOutput) =>
        ParseConfig(configOutput).TryGetValue("MaxArraySize", out var text) && int.TryParse(text, out var size) && size > 0 ? size : null;

    private static IEnumerable<Dictionary<string, string>> Records(string output)
    {
        Dictionary<string, string>? current = null;
        foreach (var line in output.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("JobId=", StringComparison.Ordinal))
            {
                if (current is not null) yield return current;
                current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            if (current is null || trimmed.Length == 0) continue;
            foreach (var word in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = word.IndexOf('=');
                if (eq > 0) current.TryAdd(word[..eq], word[(eq + 1)..]);
            }
        }
        if (current is not null) yield return current;
    }
}
