namespace EcodMini.Core.Slurm;

/// <summary>
/// Parses <c>sacct -X --parsable2 --noheader --format=</c><see cref="Format"/>. Job steps (ids with a '.') are
/// skipped; a pending array line such as <c>16_[0-9%2]</c> becomes one pending task per index. Pure and thread-safe.
/// </summary>
public static class SacctParser
{
    /// <summary>The fixed field list the parser expects, in this order.</summary>
    public const string Format = "JobIdRaw,JobID,State,ExitCode,Start,End,Elapsed,MaxRSS";

    private static readonly SlurmTableLayout Layout = new(FieldCount: 8, JobIdField: 1);

    public static SlurmParseResult Parse(string output) =>
        SlurmTableParser.Parse(output, Layout, f => new SlurmTaskState(default, SlurmJobStates.Parse(f[2]), f[2],
                SlurmExitCode.Parse(f[3]), SlurmFieldParser.Time(f[4]), SlurmFieldParser.Time(f[5]),
                SlurmFieldParser.Duration(f[6]), SlurmFieldParser.Kilobytes(f[7])),
            skip: f => f[1].Contains('.'));
}
