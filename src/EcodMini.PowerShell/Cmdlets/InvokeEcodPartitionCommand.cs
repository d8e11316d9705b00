using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Pipeline;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Partitions chains into domains from their domain summaries (pyECOD Mini algorithm).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "EcodPartition", SupportsShouldProcess = true, DefaultParameterSetName = "Path")]
[OutputType(typeof(PartitionResult))]
public sealed class InvokeEcodPartitionCommand : EcodCmdlet
{
    private readonly List<PartitionRequest> _requests = [];
    private readonly HashSet<string> _outputs = new(StringComparer.Ordinal);
    private ChainPartitionRunner? _runner;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "Path", "PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] SummaryPath { get; set; } = [];

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string ReferenceDirectory { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("BlastXmlPath")]
    public string? BlastPath { get; set; }

    [Parameter]
    public string? BlastDirectory { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OutputPath { get; set; }

    [Parameter]
    public string? OutputDirectory { get; set; }

    [Parameter]
    public OutputFormat Format { get; set; } = OutputFormat.V1;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("BatchName")]
    public string? BatchId { get; set; }

    [Parameter]
    [ValidateRange(1, 1024)]
    public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

    /// <summary>Algorithm settings by name, e.g. @{ MinDomainSize = 30; NewCoverageThreshold = 0.75 }.</summary>
    [Parameter]
    public Hashtable? Option { get; set; }

    protected override void BeginProcessing()
    {
        var referenceDir = ResolvePath(ReferenceDirectory);
        PartitionOptions options;
        try
        {
            options = OptionsBinder.Apply(new PartitionOptions(), Option, o => o with { }).Validate();
        }
        catch (ArgumentException ex)
        {
            Fail(ex, "EcodInvalidOption", ErrorCategory.InvalidArgument, Option);
            return;
        }
        foreach (var change in OptionsBinder.Differences(new PartitionOptions(), options))
            WriteVerbose($"Algorithm setting changed from its default: {change}");

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
        foreach (var raw in SummaryPath)
        {
            var summary = ResolvePath(raw);
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
        var output = ChooseOutput(summary, id);
        if (output.Error is not null)
        {
            WriteItemError(new InputFileException(summary, output.Error), "EcodOutputUndetermined", ErrorCategory.InvalidArgument, summary);
            return null;
        }
        if (output.Path is not null && !_outputs.Add(output.Path))
        {
            WriteItemError(new InputFileException(summary, $"another chain in this run already writes {output.Path}"),
                "EcodDuplicateOutput", ErrorCategory.InvalidArgument, summary);
            return null;
        }
        var blast = ChooseBlast(summary, id);
        WriteVerbose($"{summary}: output {output.Path ?? "(none: result object only)"}, chain BLAST {blast ?? "(none)"}");
        return new PartitionRequest(summary, blast, output.Path, BatchId);
    }

    /// <summary>
    /// -OutputDirectory (a choice for the whole run) wins over an OutputPath bound from a piped object (such as a
    /// task's default batch-layout output); then OutputPath; then the batch layout; else no file.
    /// </summary>
    private (string? Path, string? Error) ChooseOutput(string summary, ProteinId? id)
    {
        if (!string.IsNullOrEmpty(OutputDirectory))
        {
            return id is null
                ? (null, "the file name does not start with a protein id <pdb>_<chain>, so no output name can be derived; give -OutputPath")
                : (Path.Combine(ResolvePath(OutputDirectory), BatchLayout.OutputFileName(id)), null);
        }
        if (!string.IsNullOrEmpty(OutputPath)) return (ResolvePath(OutputPath), null);
        return (id is null ? null : BatchLayout.DefaultOutputPath(summary, id), null);
    }

    private string? ChooseBlast(string summary, ProteinId? id)
    {
        if (!string.IsNullOrEmpty(BlastPath)) return ResolvePath(BlastPath);
        if (id is null) return null;
        if (!string.IsNullOrEmpty(BlastDirectory))
        {
            var candidate = Path.Combine(ResolvePath(BlastDirectory), BatchLayout.BlastFileName(id));
            return File.Exists(candidate) ? candidate : null;
        }
        return BatchLayout.DefaultBlastPath(summary, id);
    }

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
        if (result.Success)
        {
            WriteObject(result);
            return;
        }
        var error = result.Error ?? $"{result.SummaryPath}: partition failed";
        WriteItemError(new InputFileException(result.SummaryPath ?? "", StripFilePrefix(error, result.SummaryPath)),
            "EcodPartitionFailed", ErrorCategory.InvalidData, result);
    }

    private static string StripFilePrefix(string error, string? file) =>
        file is not null && error.StartsWith(file + ": ", StringComparison.Ordinal) ? error[(file.Length + 2)..] : error;
}
