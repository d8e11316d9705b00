using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Execution;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Partitions chains into domains from their domain summaries (pyECOD Mini algorithm).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "EcodPartition", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
[OutputType(typeof(PartitionResult), ParameterSetName = [PathSet])]
[OutputType(typeof(ChunkRunSummary), ParameterSetName = [ManifestSet])]
public sealed partial class InvokeEcodPartitionCommand : EcodCmdlet
{
    private const string PathSet = "Path";

    private readonly List<PartitionRequest> _requests = [];
    private readonly HashSet<string> _outputs = new(StringComparer.Ordinal);
    private ChainPartitionRunner? _runner;
    private int _domainsEmitted;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [Alias("FullName", "Path", "PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] SummaryPath { get; set; } = [];

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string ReferenceDirectory { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [Alias("BlastXmlPath")]
    public string? BlastPath { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    public string? BlastDirectory { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    public string? OutputPath { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    public string? OutputDirectory { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    public OutputFormat Format { get; set; } = OutputFormat.V1;

    [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
    [Alias("BatchName")]
    [ArgumentCompleter(typeof(TrackedBatchNameCompleter))]
    public string? BatchId { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <summary>Algorithm settings by name, e.g. @{ MinDomainSize = 30; NewCoverageThreshold = 0.75 }.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [ArgumentCompleter(typeof(PartitionOptionCompleter))]
    public Hashtable? Option { get; set; }

    /// <summary>Overwrite partition files that already exist (without it, such chains are refused).</summary>
    [Parameter(ParameterSetName = PathSet)]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing()
    {
        if (ParameterSetName == ManifestSet) return;
        var referenceDir = ResolvePath(ReferenceDirectory);
        var options = BindPartitionOptions(new PartitionOptions(), Option);

        WriteVerbose($"Loading reference data from {referenceDir}");
        try
        {
            var reference = ReferenceData.Load(referenceDir, CancellationToken);
            WriteVerbose($"Reference data: {reference.DomainCount} domains on {reference.ChainCount} chains, " +
                         $"{reference.BlacklistCount} blacklisted chains, {reference.SkippedRows} malformed rows skipped");
            _runner = new ChainPartitionRunner(reference, options, Format);
        }
        catch (InputFileException ex)
        {
            Fail(ex, "EcodReferenceDataInvalid", ErrorCategory.ObjectNotFound, referenceDir);
        }
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ManifestSet)
        {
            RunManifest();
            return;
        }
        foreach (var raw in SummaryPath)
        {
            string summary;
            try { summary = ResolvePath(raw); }
            catch (Exception ex) when (ex is SessionStateException or ProviderInvocationException or NotSupportedException or ArgumentException)
            {
                // e.g. an object without a SummaryPath/FullName property, bound as text ("JobRecord { ... }").
                WriteItemError(new ArgumentException($"'{raw}': not a summary file path ({ex.Message}); pipe file objects or objects with a SummaryPath property", ex),
                    "EcodInvalidSummaryPath", ErrorCategory.InvalidArgument, raw);
                continue;
            }
            if (!File.Exists(summary))
            {
                WriteItemError(new FileNotFoundException($"{summary}: summary file not found", summary),
                    "EcodSummaryNotFound", ErrorCategory.ObjectNotFound, raw);
                continue;
            }
            var request = BuildRequest(summary);
            if (request is not null) _requests.Add(request);
        }
    }

    private PartitionRequest? BuildRequest(string summary)
    {
        BatchLayout.TryGetProteinId(summary, out var id);
        string? output;
        try
        {
            output = PartitionRequestPlanner.ChooseOutput(summary, id, ResolveOptional(OutputPath), ResolveOptional(OutputDirectory));
        }
        catch (InputFileException ex)
        {
            WriteItemError(ex, "EcodOutputUndetermined", ErrorCategory.InvalidArgument, summary);
            return null;
        }
        if (output is not null && !Force && File.Exists(output))
        {
            WriteItemError(new IOException($"{output}: partition file already exists; pass -Force to overwrite it"),
                "EcodOutputExists", ErrorCategory.ResourceExists, summary);
            return null;
        }
        if (output is not null && !_outputs.Add(output))
        {
            WriteItemError(new InputFileException(summary, $"another chain in this run already writes {output}"),
                "EcodDuplicateOutput", ErrorCategory.InvalidArgument, summary);
            return null;
        }
        var blast = PartitionRequestPlanner.ChooseBlast(summary, id, ResolveOptional(BlastPath), ResolveOptional(BlastDirectory));
        WriteDebug($"{summary}: output {output ?? "(none: result object only)"}, chain BLAST {blast ?? "(none in the batch layout; the file the summary names, if any)"}");
        return new PartitionRequest(summary, blast, output, BatchId);
    }

    private string? ResolveOptional(string? path) => string.IsNullOrEmpty(path) ? null : ResolvePath(path);

    protected override void EndProcessing()
    {
        if (_runner is null || _requests.Count == 0) return;
        var runner = _runner;
        var todo = ConfirmWrites(_requests);
        if (todo.Count == 0) return;
        WriteVerbose(DescribePlan(todo));

        var debug = IsDebug();
        var progress = new ProgressReporter(1, "Partitioning chains", todo.Count);
        var emitter = new InputOrderEmitter<PartitionResult>(result => Emit(result, debug));
        var started = DateTime.UtcNow;
        int done = 0, failed = 0;
        using var pump = new PipelinePump();
        RunStoppable(() => pump.Run(
            token => Task.Run(() => Parallel.ForEach(
                Partitioner.Create(todo.Select((request, index) => (request, index)), EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = ThrottleLimit, CancellationToken = token },
                item =>
                {
                    var result = runner.Run(item.request, token);
                    if (!result.Success) Interlocked.Increment(ref failed);
                    Interlocked.Increment(ref done);
                    pump.Post(() => emitter.Add(item.index, result));
                }), token),
            CancellationToken,
            TimeSpan.FromMilliseconds(250),
            () => WriteProgress(progress.Build(Volatile.Read(ref done), Volatile.Read(ref failed)))));
        WriteProgress(progress.Completed());
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        WriteVerbose($"Partitioned {done} chains in {seconds:0.0} s ({done / Math.Max(seconds, 0.001):0} chains/s): " +
                     $"{done - failed} succeeded with {_domainsEmitted} domains, {failed} failed");
    }

    /// <summary>
    /// Asks per file under -WhatIf or -Confirm (so each target is listed or confirmed); otherwise once for the
    /// whole run, which keeps -Verbose to a summary instead of one line per chain.
    /// </summary>
    private List<PartitionRequest> ConfirmWrites(List<PartitionRequest> requests)
    {
        var writing = requests.Where(r => r.OutputPath is not null).ToList();
        var asking = MyInvocation.BoundParameters.ContainsKey("WhatIf") || MyInvocation.BoundParameters.ContainsKey("Confirm")
            || SessionState.PSVariable.GetValue("WhatIfPreference") is SwitchParameter { IsPresent: true } or true;
        if (writing.Count <= 1 || asking)
        {
            return requests.Where(r => r.OutputPath is null
                || ShouldProcess(r.OutputPath, $"Partition {Path.GetFileName(r.SummaryPath)} and write the domains")).ToList();
        }
        var folders = writing.Select(r => Path.GetDirectoryName(r.OutputPath!)).Distinct().ToList();
        var target = $"{writing.Count} partition files in {string.Join(", ", folders.Take(3))}{(folders.Count > 3 ? ", ..." : "")}";
        return ShouldProcess(target, "Partition the chains and write the domains") ? requests : [.. requests.Where(r => r.OutputPath is null)];
    }

    private string DescribePlan(IReadOnlyCollection<PartitionRequest> todo)
    {
        var writing = todo.Count(r => r.OutputPath is not null);
        var withBlast = todo.Count(r => r.BlastPath is not null);
        var folders = todo.Where(r => r.OutputPath is not null).Select(r => Path.GetDirectoryName(r.OutputPath!)).Distinct().Take(3).ToList();
        var where = writing == 0 ? "no files written (result objects only)"
            : $"{writing} partition files ({Format}) into {string.Join(", ", folders)}{(folders.Count == 3 ? ", ..." : "")}";
        return $"Partitioning {todo.Count} chains on {Math.Min(ThrottleLimit, todo.Count)} threads; {where}; " +
               $"raw chain BLAST found for {withBlast} of {todo.Count} (decomposition needs it); per-chain decisions with -Debug";
    }

    private bool IsDebug()
    {
        if (MyInvocation.BoundParameters.TryGetValue("Debug", out var v) && v is SwitchParameter sw) return sw.IsPresent;
        return SessionState.PSVariable.GetValue("DebugPreference") is ActionPreference pref
            && pref != ActionPreference.SilentlyContinue && pref != ActionPreference.Ignore;
    }

    private void Emit(PartitionResult result, bool debug)
    {
        if (debug)
        {
            foreach (var line in result.Decisions) WriteDebug($"{result.ProteinId}: {line}");
        }
        // The raw chain BLAST is an optional aid: when it is missing or unusable the chain still partitions, but say so.
        foreach (var flag in result.QualityFlags)
            if (ChainBlastFlags.IsChainBlastFlag(flag.FlagType)) WriteWarning($"{result.ProteinId}: {flag.Message}");
        if (result.Success)
        {
            _domainsEmitted += result.DomainCount;
            WriteObject(result);
            return;
        }
        // The runner's error already reads "<file>: <reason>".
        WriteItemError(new InvalidDataException(result.Error ?? $"{result.SummaryPath}: partition failed"),
            "EcodPartitionFailed", ErrorCategory.InvalidData, result);
    }
}
