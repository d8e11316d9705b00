using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Database;
using EcodMini.Core.Scanning;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Finds the chains to process in batch folders, in priority order.</summary>
[Cmdlet(VerbsCommon.Find, "EcodProtein", DefaultParameterSetName = "Tasks")]
[OutputType(typeof(ProteinTask), ParameterSetName = ["Tasks"])]
[OutputType(typeof(ScanResult), ParameterSetName = ["Summary"])]
public sealed class FindEcodProteinCommand : EcodDatabaseCmdlet
{
    [Parameter(Position = 0)]
    public string? BatchRoot { get; set; }

    [Parameter]
    [SupportsWildcards]
    public string? Pattern { get; set; }

    [Parameter]
    public SwitchParameter RepsOnly { get; set; }

    [Parameter]
    public string? RepresentativeList { get; set; }

    [Parameter]
    public SwitchParameter SkipExisting { get; set; }

    [Parameter]
    public SwitchParameter IncludeFailed { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? MaxProteins { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    /// <summary>The reference data folder whose hash is part of each chain's inputs; default: paths.reference_dir.</summary>
    [Parameter]
    public string? ReferenceDirectory { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "Summary")]
    public SwitchParameter Summary { get; set; }

    protected override void EndProcessing()
    {
        var configured = Loaded.ToScanOptions();
        var root = string.IsNullOrEmpty(BatchRoot) ? configured.BatchRoot : ResolvePath(BatchRoot);
        if (!Directory.Exists(root))
        {
            Fail(new DirectoryNotFoundException($"{root}: batch root folder not found"), "EcodBatchRootNotFound", ErrorCategory.ObjectNotFound, root);
            return;
        }
        using var tracker = OpenExistingTracker();
        var options = configured with
        {
            TrackingDatabase = tracker,
            BatchRoot = root,
            Pattern = Pattern ?? configured.Pattern,
            RepsOnly = SwitchOr(nameof(RepsOnly), RepsOnly, configured.RepsOnly),
            RepresentativeListPath = string.IsNullOrEmpty(RepresentativeList) ? null : ResolvePath(RepresentativeList),
            SkipExisting = SwitchOr(nameof(SkipExisting), SkipExisting, configured.SkipExisting),
            IncludeFailed = IncludeFailed.IsPresent,
            MaxProteins = MaxProteins,
            ReferenceDirectory = string.IsNullOrEmpty(ReferenceDirectory) ? configured.ReferenceDirectory : ResolvePath(ReferenceDirectory),
        };
        options = WithDatabaseRepresentatives(options, root);
        WriteVerbose($"Scanning {root} for batches '{options.Pattern}': reps only {options.RepsOnly}, skip existing {options.SkipExisting}, " +
                     $"include failed {options.IncludeFailed} (at most {options.Retry.MaxRetries?.ToString() ?? "unlimited"} retries, " +
                     $"{options.Retry.RetryDelay.TotalSeconds:N0} s delay doubled per retry), max {options.MaxProteins?.ToString() ?? "all"}");
        WriteProgress(new ProgressRecord(1, "Scanning batches", root));
        ScanResult result;
        try
        {
            result = new BatchScanner(options).Scan(CancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            Fail(ex, "EcodScanFailed", ErrorCategory.ReadError, root);
            return;
        }
        WriteProgress(new ProgressRecord(1, "Scanning batches", "Done") { RecordType = ProgressRecordType.Completed });
        ReportScan(result);
        if (Summary.IsPresent) WriteObject(result);
        else foreach (var task in result.Tasks) WriteObject(task);
    }

    /// <summary>With RepsOnly and no list file (neither -RepresentativeList nor representatives.txt), representatives come from the database.</summary>
    private ScanOptions WithDatabaseRepresentatives(ScanOptions options, string root)
    {
        if (!options.RepsOnly || options.RepresentativeListPath is not null) return options;
        var defaultList = Path.Combine(root, ScanOptions.DefaultRepresentativeListName);
        if (File.Exists(defaultList))
        {
            WriteVerbose($"Representatives: {defaultList}");
            return options;
        }
        var connector = Connector();
        WriteVerbose($"Representatives: no list file ({defaultList} does not exist), reading ecod_schema.process_status.is_representative from {connector.Target}");
        var ids = RunDatabase(() => RepresentativeReader.ReadAsync(connector, CancellationToken).GetAwaiter().GetResult());
        WriteVerbose($"{ids.Count} representative(s) in {connector.Target}");
        return options with { Representatives = ids, RepresentativeSource = $"postgresql://{connector.Target} (ecod_schema.process_status.is_representative)" };
    }

    private TrackingDatabase? OpenExistingTracker()
    {
        var path = TrackerPath(TrackingDatabase);
        if (File.Exists(path)) return OpenTracker(path, readOnly: true);
        if (!string.IsNullOrEmpty(TrackingDatabase))
            WriteVerbose($"Tracking database {path} does not exist yet: no previous attempts to consider");
        return null;
    }

    private void ReportScan(ScanResult r)
    {
        WriteVerbose($"Scan: {r.BatchCount} batches, {r.TotalFound} chains, {r.RepresentativeCount} representatives, {r.ToProcess} to process, " +
                     $"{r.SkippedDone} skipped as done (same inputs, version and options), {r.Changed} queued again as changed, {r.SkippedFailed} failed not retried, {r.FailedForRetry} failed queued for retry, " +
                     $"{r.RetryNotDue} failed deferred (retry delay not passed), {r.RetriesExhausted} failed for good (retries used up), " +
                     $"{r.FailedPermanently} failed permanently (not retried), " +
                     $"{r.Deferred} deferred by -MaxProteins, {r.Duration.TotalSeconds:N2} s");
        if (r.RepresentativeListPath is not null) WriteVerbose($"Representative list: {r.RepresentativeListPath}");
        if (r.InvalidFileNames > 0)
        {
            WriteWarning($"{r.InvalidFileNames} summary file(s) skipped: the name does not start with a valid protein id " +
                         $"(e.g. {string.Join(", ", r.InvalidFileNameSamples.Take(3))})");
        }
        if (r.RetriesExhausted > 0)
            WriteWarning($"{r.RetriesExhausted} failed chain(s) used up processing.max_retries and were not queued; " +
                         "Get-EcodJobStatus -Status failed | Submit-EcodJob -Force runs them again");
        if (r.FailedPermanently > 0)
            WriteWarning($"{r.FailedPermanently} failed chain(s) have a permanent error (bad or missing input) and were not queued; " +
                         "fix the input, then Get-EcodJobStatus -Status failed | Submit-EcodJob -Force runs them again");
        if (r.InvalidRepresentativeLines > 0)
            WriteWarning($"{r.InvalidRepresentativeLines} line(s) of the representative list are not valid protein ids and were ignored");
    }
}
