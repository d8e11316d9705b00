namespace EcodMini.Core.Slurm;

/// <summary>
/// Parses <c>sacct -X --parsable2 --noheader --format=</c><see cref="Format"/>. Job steps (ids with a '.') are
/// skipped; a pending array line such as <c>16_[0-9%2]</c> becomes one pending task per index. Pure and thread-safe.
/// </summary>
public static class SacctParser
{
    /// <summary>The fixed field list the parser expects, in this order.</summary>
    public const string Format = "JobIdRaw,JobID,State,ExitCode,Start,End,Elapsed,MaxRSS";

    private const int FieldCount = 8;

    public static SlurmParseResult Parse(string output)
    {
        var tasks = new List<SlurmTaskState>();
        var malformed = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var f = line.Split('|');
            if (f.Length != FieldCount || f[1].Contains('.')) { if (f.Length != FieldCount) malformed.Add(line); continue; }
            IReadOnlyList<SlurmTaskId> ids;
            try { ids = SlurmJobIdParser.Expand(f[1]); }
            catch (FormatException) { malformed.Add(line); continue; }
            var state = SlurmJobStates.Parse(f[2]);
            var exit = SlurmExitCode.Parse(f[3]);
            var start = SlurmFieldParser.Time(f[4]);
            var end = SlurmFieldParser.Time(f[5]);
            var elapsed = SlurmFieldParser.Duration(f[6]);
            var rss = SlurmFieldParser.Kilobytes(f[7]);
            foreach (var id in ids)
                tasks.Add(new SlurmTaskState(id, state, f[2], exit, start, end, elapsed, rss));
        }
        return new SlurmParseResult(tasks, malformed);
    }
}
