using System.Management.Automation;
using System.Collections;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Base for EcodMini cmdlets: a cancellation token that Ctrl+C (StopProcessing) trips, path resolution against
/// the PowerShell location, and error records with a category and a target object.
/// </summary>
public abstract class EcodCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Resolves a user path (relative to the current PowerShell location, '~' expanded) to a full file-system path.</summary>
    protected string ResolvePath(string path) => GetUnresolvedProviderPathFromPSPath(path);

    /// <summary>
    /// The file-system paths a -Path value names: the path itself when it exists as written (so a name holding '['
    /// stays literal) or has no wildcard; otherwise every file or folder its '*', '?' and '[...]' wildcards match
    /// (none when nothing matches).
    /// </summary>
    protected IReadOnlyList<string> ResolvePaths(string path)
    {
        var literal = ResolvePath(path);
        if (File.Exists(literal) || Directory.Exists(literal) || !WildcardPattern.ContainsWildcardCharacters(path)) return [literal];
        try { return GetResolvedProviderPathFromPSPath(path, out _).ToList(); }
        catch (ItemNotFoundException) { return []; }
    }

    protected void WriteItemError(Exception exception, string errorId, ErrorCategory category, object? target)
    {
        WriteError(new ErrorRecord(exception, errorId, category, target));
    }

    /// <summary>Reports a bad input file as a non-terminating error (file and reason in the message).</summary>
    protected void WriteInputError(InputFileException exception, object? target = null) =>
        WriteItemError(exception, "EcodInvalidInput", ErrorCategory.InvalidData, target ?? exception.FilePath);

    /// <summary>Stops the cmdlet with a terminating error (bad parameters, missing required files).</summary>
    protected void Fail(Exception exception, string errorId, ErrorCategory category, object? target) =>
        ThrowTerminatingError(new ErrorRecord(exception, errorId, category, target));

    /// <summary>
    /// Applies -Option settings (e.g. @{ MinDomainSize = 30 }) onto <paramref name="baseline"/>, validated; a bad
    /// name or value stops the cmdlet. Says with -Verbose which settings differ from the defaults.
    /// </summary>
    protected PartitionOptions BindPartitionOptions(PartitionOptions baseline, IDictionary? settings)
    {
        PartitionOptions options;
        try { options = OptionsBinder.Apply(baseline, settings, o => o with { }).Validate(); }
        catch (ArgumentException ex)
        {
            Fail(ex, "EcodInvalidOption", ErrorCategory.InvalidArgument, settings);
            throw; // unreachable: Fail throws
        }
        foreach (var change in OptionsBinder.Differences(new PartitionOptions(), options))
            WriteVerbose($"Algorithm setting changed from its default: {change}");
        return options;
    }

    /// <summary>Runs long work; a cancellation caused by Ctrl+C ends the pipeline as a stop, not as an error.</summary>
    protected void RunStoppable(Action work)
    {
        try { work(); }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { throw new PipelineStoppedException(); }
        catch (AggregateException ex) when (_stopping.IsCancellationRequested && ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary><see cref="RunStoppable"/> for work that returns a value.</summary>
    protected T RunStoppableValue<T>(Func<T> work)
    {
        T value = default!;
        RunStoppable(() => value = work());
        return value;
    }

    /// <summary>True when verbose output would be shown (so costly verbose text is only built when wanted).</summary>
    protected bool IsVerbose()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Verbose", out var v) && v is SwitchParameter sw) return sw.IsPresent;
        return SessionState.PSVariable.GetValue("VerbosePreference") is ActionPreference pref
            && pref != ActionPreference.SilentlyContinue && pref != ActionPreference.Ignore;
    }

    /// <summary>Releases what a cmdlet holds across pipeline calls (PowerShell disposes cmdlets even when the pipeline fails or stops).</summary>
    protected virtual void ReleaseResources() { }

    public void Dispose()
    {
        ReleaseResources();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
