using System.ComponentModel;
using System.Diagnostics;

namespace EcodMini.Core.Processes;

/// <summary>
/// Runs a program with an argument list (never through a shell), reads stdout and stderr concurrently so neither
/// pipe can fill and stall the child, closes stdin at once, and kills the whole process tree on timeout or
/// cancellation. Thread-safe: holds no state.
/// </summary>
public sealed class ProcessRunner : IProcessRunner
{
    public ProcessResult Run(ProcessCommand command, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);
        foreach (var name in command.Unset) info.Environment.Remove(name);
        using var process = new Process { StartInfo = info };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new ProcessStartException(command.FileName, ex.Message, ex);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var timeout = new CancellationTokenSource(command.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var timedOut = false;
        try
        {
            process.WaitForExitAsync(linked.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            if (cancellationToken.IsCancellationRequested) throw;
            timedOut = true;
        }
        // Streams end when every holder of the pipes exits; a grandchild still holding them must not hang us.
        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5));
        return new ProcessResult(command, timedOut ? -1 : process.ExitCode, Completed(stdout), Completed(stderr), timedOut, clock.Elapsed);
    }

    private static string Completed(Task<string> read) => read.IsCompletedSuccessfully ? read.Result : "";

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
