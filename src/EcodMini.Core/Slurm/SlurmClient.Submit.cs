namespace EcodMini.Core.Slurm;

public sealed partial class SlurmClient
{
    /// <summary>
    /// Submits a job script with <c>sbatch --parsable</c> and returns the job id. Transient refusals are retried
    /// with backoff; after a call that timed out (sbatch may have reached the controller) SLURM is first asked for
    /// a job named <paramref name="jobName"/> working in <paramref name="workingDirectory"/> (the script's
    /// <c>--chdir</c>), and that job is returned instead of submitting twice. A permanent refusal throws
    /// <see cref="SlurmCommandException"/> with sbatch's message.
    /// </summary>
    public string Submit(string scriptPath, string jobName, string workingDirectory, IReadOnlyList<string> extraArguments,
        DateTimeOffset since, CancellationToken cancellationToken)
    {
        List<string> arguments = ["--parsable", .. extraArguments, scriptPath];
        for (var attempt = 0; ; attempt++)
        {
            var result = RunOnce(_options.Sbatch, arguments, cancellationToken);
            if (result.Succeeded)
            {
                try { return SbatchParser.ParseJobId(result.StandardOutput, result.StandardError); }
                catch (FormatException ex) { throw new SlurmCommandException(result, SlurmErrorKind.Permanent, ex.Message); }
            }
            var kind = SlurmErrorClassifier.Classify(result);
            if (kind != SlurmErrorKind.Transient) throw new SlurmCommandException(result, kind, $"{scriptPath}: sbatch refused the job");
            if (result.TimedOut || result.StandardError.Contains("timed out", StringComparison.OrdinalIgnoreCase))
            {
                var existing = TryFindSubmitted(jobName, workingDirectory, since, cancellationToken);
                if (existing is not null) return existing;
            }
            if (attempt + 1 >= _options.MaxAttempts)
                throw new SlurmCommandException(result, kind, $"{scriptPath}: sbatch failed {attempt + 1} times");
            _sleep(_backoff.Delay(attempt), cancellationToken);
        }
    }

    private string? TryFindSubmitted(string jobName, string workingDirectory, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            return FindJobsByDirectory(jobName, since, cancellationToken).GetValueOrDefault(workingDirectory.TrimEnd('/'));
        }
        catch (SlurmCommandException)
        {
            // The controller is still unreachable: the next sbatch attempt will tell.
            return null;
        }
    }
}
