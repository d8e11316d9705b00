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
    public string? BatchId { get; set; }

    [Parameter(ParameterSetName = PathSet)]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <summary>Algorithm settings by name, e.g. @{ MinDomainSize = 30; NewCoverageThreshold = 0.75 }.</summary>
    [Parameter(ParameterSetName = PathSet)]
    public Hashtable? Option { get; set; }

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
        if (output is not null && !_outputs.Add(output))
        {
            WriteItemError(new InputFileException(summary, $"another chain in this run already writes {output}"),
                "EcodDuplicateOutput", ErrorCategory.InvalidArgument, summary);
            return null;
        }
        var blast = PartitionRequestPlanner.ChooseBlast(summary, id, ResolveOptional(BlastPath), ResolveOptional(BlastDirectory));
        WriteVerbose($"{summary}: output {output ?? "(none: result object only)"}, chain BLAST {blast ?? "(none in the batch layout; the file the summary names, if any)"}");
        return new PartitionRequest(summary, blast, output, BatchId);
    }

    private string? ResolveOptional(string? path) => string.IsNullOrEmpty(path) ? null : ResolvePath(path);

    protected override void EndProcessing()
    {
        if (_runner is null || _requests.Count == 0) return;
        var runner = _runner;
        var todo = _requests.Where(r => r.OutputPath is null
            || ShouldProcess(r.OutputPath, $"Partition {Path.GetFileName(r.SummaryPath)} and write the domains")).ToList();
        if (todo.Count == 0) return;

        var verbose = IsVerbose();
        var progress = new ProgressReporter(1, "Partitioning chains", todo.Count);
        int done = 0, failed = 0;
        using var pump = new PipelinePump();
        RunStoppable(() => pump.Run(
            token => Task.Run(() => Parallel.ForEach(
                Partitioner.Create(todo, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = ThrottleLimit, CancellationToken = token },
                request =>
                {
                    var result = runner.Run(request, token);
                    if (!result.Success) Interlocked.Increment(ref failed);
                    Interlocked.Increment(ref done);
                    pump.Post(() => Emit(result, verbose));
                }), token),
            CancellationToken,
            TimeSpan.FromMilliseconds(250),
            () => WriteProgress(progress.Build(Volatile.Read(ref done), Volatile.Read(ref failed)))));
        WriteProgress(progress.Completed());
    }

    private void Emit(PartitionResult result, bool verbose)
    {
        if (verbose)
        {
            foreach (var line in result.Decisions) WriteVerbose($"{result.ProteinId}: {line}");
        }
        // The raw chain BLAST is an optional aid: when it is missing or unusable the chain still partitions, but say so.
        foreach (var flag in result.QualityFlags)
            if (ChainBlastFlags.IsChainBlastFlag(flag.FlagType)) WriteWarning($"{result.ProteinId}: {flag.Message}");
        if (result.Success)
        {
            WriteObject(result);
            return;
        }
        // The runner's error already reads "<file>: <reason>".
        WriteItemError(new InvalidDataException(result.Error ?? $"{result.SummaryPath}: partition failed"),
            "EcodPartitionFailed", ErrorCategory.InvalidData, result);
    }
}
