namespace EcodMini.Core.Slurm;

/// <summary>
/// Parses <c>squeue --noheader --array --format=</c><see cref="Format"/> (job id, raw id, extended state, reason).
/// A compact pending array (<c>1_[2-9%2]</c>) is expanded. Pure and thread-safe.
/// </summary>
public static class SqueueParser
{
    public const string Format = "%i|%A|%T|%r";

    public static SlurmParseResult Parse(string output)
    {
        var tasks = new List<SlurmTaskState>();
        var malformed = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var f = line.Split('|', 4);
            if (f.Length != 4) { malformed.Add(line); continue; }
            IReadOnlyList<SlurmTaskId> ids;
            try { ids = SlurmJobIdParser.Expand(f[0]); }
            catch (FormatException) { malformed.Add(line); continue; }
            var state = SlurmJobStates.Parse(f[2]);
            foreach (var id in ids) tasks.Add(new SlurmTaskState(id, state, f[2].Trim(), Reason: f[3].Trim()));
        }
        return new SlurmParseResult(tasks, malformed);
    }
}
