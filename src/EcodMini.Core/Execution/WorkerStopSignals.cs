using System.Runtime.InteropServices;

namespace EcodMini.Core.Execution;

/// <summary>
/// Turns SLURM's warnings into a "finish the chain in hand, then stop" token: SIGUSR1 (sent by
/// <c>--signal=B:USR1@N</c> before the time limit) and SIGTERM (scancel, preemption) trip <see cref="Token"/>,
/// and the default termination is suppressed so the current chain's result is still written. Dispose to restore
/// the default handlers. Not for Windows (no POSIX signals there: the token then never trips).
/// </summary>
public sealed class WorkerStopSignals : IDisposable
{
    /// <summary>SIGUSR1's number on Linux.</summary>
    private const int SigUsr1 = 10;

    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    public WorkerStopSignals()
    {
        if (OperatingSystem.IsWindows()) return;
        _registrations.Add(PosixSignalRegistration.Create((PosixSignal)SigUsr1, Handle));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle));
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that tripped the token, for the worker's log ("SIGUSR1"), or null.</summary>
    public string? Received { get; private set; }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        Received ??= (int)context.Signal == SigUsr1 ? "SIGUSR1" : context.Signal.ToString();
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }
}
