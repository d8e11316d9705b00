namespace EcodMini.Core.Slurm;

/// <summary>
/// Parses <c>squeue --noheader --array --format=</c><see cref="Format"/> (job id, raw id, extended state, reason).
/// A compact pending array (<c>1_[2-9%2]</c>) is expanded. Pure and thread-safe.
/// </summary>
public static class SqueueParser
{
    public const string Format = "%i|%A|%T|%r";

    private static readonly SlurmTableLayout Layout = new(FieldCount: 4, JobIdField: 0, LastFieldTakesRest: true);

    public static SlurmParseResult Parse(string output) =>
        SlurmTableParser.Parse(output, Layout,
            f => new SlurmTaskState(default, SlurmJobStates.Parse(f[2]), f[2].Trim(), Reason: f[3].Trim()));
}
