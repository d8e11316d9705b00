namespace EcodMini.Core.Slurm;

/// <summary>
/// Parses the answers <see cref="SlurmClient.QueryJobDetail"/> reads: <c>sacct -X --parsable2 --noheader
/// --format=</c><see cref="SacctFormat"/>, or <c>scontrol show job</c>'s key=value text. Pure and thread-safe.
/// </summary>
public static class SlurmJobDetailParser
{
    public const string SacctFormat = "JobID,State,ExitCode,NodeList";

    /// <summary>The sacct line of <paramref name="jobId"/>, or null when it is not listed.</summary>
    public static SlurmJobDetail? ParseSacct(string output, string jobId)
    {
        foreach (var raw in output.Split('\n'))
        {
            var f = raw.TrimEnd('\r').Split('|');
            if (f.Length != 4 || f[0] != jobId) continue;
            return new SlurmJobDetail(jobId, f[1].Trim(), SlurmExitCode.Parse(f[2]), Node(f[3]));
        }
        return null;
    }

    /// <summary>The first job record of scontrol's answer (an array task id asks for that task only), or null.</summary>
    public static SlurmJobDetail? ParseScontrol(string output, string jobId)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in output.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0) fields.TryAdd(token[..equals], token[(equals + 1)..]);
        }
        if (!fields.TryGetValue("JobState", out var state)) return null;
        return new SlurmJobDetail(jobId, state, SlurmExitCode.Parse(fields.GetValueOrDefault("ExitCode")), Node(fields.GetValueOrDefault("NodeList")),
            Value(fields.GetValueOrDefault("StdOut")), Value(fields.GetValueOrDefault("StdErr")));
    }

    private static string? Node(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim() is "(null)" or "None assigned" ? null : text.Trim();

    private static string? Value(string? text) => string.IsNullOrWhiteSpace(text) || text == "(null)" ? null : text;
}
