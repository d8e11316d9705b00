using EcodMini.Core.Processes;

namespace EcodMini.Core.Slurm;

/// <summary>
/// SLURM's commands as typed calls: every call is one process with an argument list (no shell), transient failures
/// (socket timeouts, busy controller) are retried with jittered backoff, anything else throws
/// <see cref="SlurmCommandException"/> quoting the command and its output. Polls cost one command per run, never
/// one per job. Not thread-safe (owns its backoff's random source); one client per caller.
/// </summary>
public sealed partial class SlurmClient
{
    private readonly IProcessRunner _runner;
    private readonly SlurmClientOptions _options;
    private readonly JitteredBackoff _backoff;
    private readonly Action<TimeSpan, CancellationToken> _sleep;

    public SlurmClient(IProcessRunner runner, SlurmClientOptions? options = null, Random? random = null,
        Action<TimeSpan, CancellationToken>? sleep = null)
    {
        _runner = runner;
        _options = options ?? new SlurmClientOptions();
        _backoff = new JitteredBackoff(_options.RetryInitialDelay, _options.RetryMaximumDelay, random ?? new Random());
        _sleep = sleep ?? Sleep;
    }

    /// <summary>Commands run so far by this client, by program (e.g. how many sbatch calls a submission took).</summary>
    public IReadOnlyDictionary<string, int> CallCounts => _calls;

    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    public SlurmClientOptions Options => _options;

    /// <summary>Runs a command, retrying transient failures; returns the last result, failed or not.</summary>
    private ProcessResult RunWithRetry(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = RunOnce(program, arguments, cancellationToken);
            if (result.Succeeded) return result;
            if (SlurmErrorClassifier.Classify(result) != SlurmErrorKind.Transient || attempt + 1 >= _options.MaxAttempts) return result;
            _sleep(_backoff.Delay(attempt), cancellationToken);
        }
    }

    private ProcessResult RunOnce(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        _calls[program] = _calls.GetValueOrDefault(program) + 1;
        return _runner.Run(new ProcessCommand(program, arguments, _options.CommandTimeout) { Unset = _options.Unset }, cancellationToken);
    }

    /// <summary>Runs a command with retries and throws when it still fails.</summary>
    private ProcessResult RunChecked(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = RunWithRetry(program, arguments, cancellationToken);
        return result.Succeeded ? result : throw new SlurmCommandException(result, SlurmErrorClassifier.Classify(result));
    }

    private static void Sleep(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.WaitHandle.WaitOne(delay)) cancellationToken.ThrowIfCancellationRequested();
    }
}
