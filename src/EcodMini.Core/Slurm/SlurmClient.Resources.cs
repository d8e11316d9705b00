using System.Globalization;

namespace EcodMini.Core.Slurm;

public sealed partial class SlurmClient
{
    /// <summary>
    /// One <c>sacct</c> call (with job steps, for MaxRSS) for every job named <paramref name="jobName"/> since
    /// <paramref name="since"/>: what each task used. Null when accounting cannot answer.
    /// </summary>
    public IReadOnlyList<TaskResourceUsage>? QueryResources(string jobName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var start = since.ToLocalTime().AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var result = RunWithRetry(_options.Sacct,
            ["--parsable2", "--noheader", "--name", jobName, "--starttime", start, $"--format={SacctResourceParser.Format}"],
            cancellationToken);
        if (result.Succeeded) return SacctResourceParser.Parse(result.StandardOutput);
        var kind = SlurmErrorClassifier.Classify(result);
        if (kind == SlurmErrorKind.AccountingUnavailable) return null;
        throw new SlurmCommandException(result, kind);
    }
}
