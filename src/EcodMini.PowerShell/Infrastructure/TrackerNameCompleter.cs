using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcodMini.Core.Configuration;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Tab completion of names the tracking database knows (batch names, protein ids). The tracker is the command's
/// -TrackingDatabase when typed, else the tracking_db of its -ConfigurationPath, else of the default configuration
/// ($env:ECOD_MINI_CONFIG, ./config/production.yml, built-in defaults). It is opened read-only with a short busy
/// timeout; at most <see cref="Limit"/> distinct names, in order, that start with what was typed (case ignored),
/// quoted when the shell would not read them as one plain word. Never throws: a missing, locked or foreign file
/// (or a bad configuration) gives no completions.
/// </summary>
public abstract class TrackerNameCompleter : IArgumentCompleter
{
    public const int Limit = 200;
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromMilliseconds(250);

    protected abstract TrackedNameKind Kind { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyList<TrackedName> names;
        try
        {
            var typed = wordToComplete.Trim('\'', '"');
            var path = TrackerPath(fakeBoundParameters);
            if (path is null || !File.Exists(path)) return [];
            using var tracker = TrackingDatabase.Open(path, new TrackingOpenOptions { ReadOnly = true, BusyTimeout = BusyTimeout });
            var batch = Kind == TrackedNameKind.ProteinId ? Bound(fakeBoundParameters, "BatchName") : null;
            if (JobQuery.IsPattern(batch)) batch = null;
            names = tracker.GetNames(Kind, typed, Limit, batch);
        }
        catch (Exception)
        {
            return []; // completion must never disturb the prompt: no tracker, no names
        }
        return names.Select(n => new CompletionResult(Quote(n.Name), n.Name, CompletionResultType.ParameterValue, ToolTip(n))).ToList();
    }

    private string ToolTip(TrackedName name) => Kind == TrackedNameKind.BatchName
        ? $"batch {name.Name}: {name.Jobs} tracked job(s)"
        : $"protein {name.Name}: tracked in {name.Jobs} batch(es)";

    private static string? TrackerPath(IDictionary bound)
    {
        var cwd = CurrentDirectory();
        if (Bound(bound, "TrackingDatabase") is { } tracker) return Path.GetFullPath(Path.Combine(cwd, tracker));
        var configuration = Bound(bound, "ConfigurationPath") is { } file ? Path.GetFullPath(Path.Combine(cwd, file)) : null;
        return ConfigurationLoader.Load(configuration, cwd).TrackingDatabasePath();
    }

    private static string? Bound(IDictionary bound, string name) =>
        bound.Contains(name) && bound[name] is { } value && PSObject.AsPSObject(value).BaseObject is string text && text.Length > 0 ? text : null;

    /// <summary>
    /// The session's file-system location (relative paths are typed against it), else the process's folder. A
    /// completer runs on the pipeline thread while a pipeline is running, so the runspace's SessionStateProxy is off
    /// limits; a script block invoked in place reads the location.
    /// </summary>
    private static string CurrentDirectory()
    {
        try
        {
            var found = ScriptBlock.Create("$ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath").Invoke();
            if (found.Count == 1 && found[0]?.BaseObject is string { Length: > 0 } location) return location;
        }
        catch (Exception)
        {
            // no runspace on this thread: the process's folder
        }
        return Environment.CurrentDirectory;
    }

    /// <summary>The name as typed text: bare when PowerShell reads it back as that very string, else single-quoted.</summary>
    public static string Quote(string name)
    {
        var ast = Parser.ParseInput("x " + name, out _, out var errors);
        var bare = errors.Length == 0
            && ast.EndBlock?.Statements is [PipelineAst { PipelineElements: [CommandAst { CommandElements: [_, StringConstantExpressionAst { StringConstantType: StringConstantType.BareWord } word] }] }]
            && word.Value == name
            && !WildcardPattern.ContainsWildcardCharacters(name);
        return bare ? name : "'" + name.Replace("'", "''") + "'";
    }
}

/// <summary>Completes -BatchName from the batch names in the tracking database.</summary>
public sealed class TrackedBatchNameCompleter : TrackerNameCompleter
{
    protected override TrackedNameKind Kind => TrackedNameKind.BatchName;
}

/// <summary>Completes -ProteinId from the protein ids in the tracking database (of the typed -BatchName, if any).</summary>
public sealed class TrackedProteinIdCompleter : TrackerNameCompleter
{
    protected override TrackedNameKind Kind => TrackedNameKind.ProteinId;
}
