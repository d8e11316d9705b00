namespace EcodMini.Core.Slurm;

/// <summary>
/// The line loop shared by the '|'-separated SLURM listings (sacct, squeue): blank lines are passed over, a line with
/// the wrong number of fields or an unreadable job id is kept as malformed, and a compact array id becomes one task
/// per index. Pure and thread-safe.
/// </summary>
internal static class SlurmTableParser
{
    /// <param name="output">The command's standard output.</param>
    /// <param name="layout">How a line splits and which field holds the job id.</param>
    /// <param name="toTask">The task one well-formed line describes; its <see cref="SlurmTaskState.Task"/> is replaced by each expanded id.</param>
    /// <param name="skip">Well-formed lines that are not tasks (sacct's job steps); null keeps every line.</param>
    public static SlurmParseResult Parse(string output, SlurmTableLayout layout, Func<string[], SlurmTaskState> toTask,
        Func<string[], bool>? skip = null)
    {
        var tasks = new List<SlurmTaskState>();
        var malformed = new List<string>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            // One more piece than wanted when the last field may not hold '|': a line with too many fields stays detectable.
            var f = line.Split('|', layout.LastFieldTakesRest ? layout.FieldCount : layout.FieldCount + 1);
            if (f.Length != layout.FieldCount) { malformed.Add(line); continue; }
            if (skip?.Invoke(f) == true) continue;
            IReadOnlyList<SlurmTaskId> ids;
            try { ids = SlurmJobIdParser.Expand(f[layout.JobIdField]); }
            catch (FormatException) { malformed.Add(line); continue; }
            var task = toTask(f);
            foreach (var id in ids) tasks.Add(task with { Task = id });
        }
        return new SlurmParseResult(tasks, malformed);
    }
}

/// <summary>The shape of one SLURM listing's lines: how many '|'-separated fields, which holds the job id, and whether the last is free text that may itself contain '|'.</summary>
internal sealed record SlurmTableLayout(int FieldCount, int JobIdField, bool LastFieldTakesRest = false);
