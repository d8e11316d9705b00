using System.Management.Automation;
using EcodMini.Core.Configuration;
using EcodMini.Core.Database;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Tracking;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>
/// Imports partition results (job objects, partition results or partition files) into the production database and
/// records the import in the tracker. Emits one summary; with -PassThru also a record per chain.
/// </summary>
[Cmdlet(VerbsData.Import, "EcodResult", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "InputObject")]
[OutputType(typeof(ImportSummary), typeof(ProteinImportRecord))]
public sealed partial class ImportEcodResultCommand : EcodDatabaseCmdlet
{
    private readonly List<ImportCandidate> _candidates = [];

    /// <summary>Job objects, partition results, partition files (FileInfo) or paths, from the pipeline.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "InputObject")]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path")]
    [SupportsWildcards]
    public string[] Path { get; set; } = [];

    [Parameter]
    public CollisionStrategy CollisionStrategy { get; set; } = CollisionStrategy.Skip;

    [Parameter]
    public QualityFilter? QualityFilter { get; set; }

    [Parameter]
    public SwitchParameter CheckCollision { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(TrackedBatchNameCompleter))]
    public string? BatchName { get; set; }

    [Parameter]
    [ValidatePattern(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    public string? ProcessVersion { get; set; }

    [Parameter]
    [ValidateRange(1, 100000)]
    public int BatchSize { get; set; } = ImportOptions.DefaultBatchSize;

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    public string? TrackingDatabase { get; set; }

    /// <summary>Production (default), or Curation: production plus the ecod_curation staging schema, in the same transaction.</summary>
    [Parameter]
    public ImportTarget Target { get; set; } = ImportTarget.Production;

    /// <summary>
    /// The reference library for evidence confidences and classification groups (default: paths.reference_dir when it exists;
    /// without one, supporting hits keep the groups their summary gives and confidences lack the coverage terms).
    /// </summary>
    [Parameter]
    public string? ReferenceDirectory { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "Path")
        {
            foreach (var pattern in Path) AddPaths(pattern);
            return;
        }
        if (InputObject is null) return;
        if (ImportInputs.ToCandidate(InputObject.BaseObject, BatchName, ResolvePath, out var error) is { } candidate) _candidates.Add(candidate);
        else if (error is not null) WriteError(error);
    }

    private void AddPaths(string pattern)
    {
        try
        {
            foreach (var path in GetResolvedProviderPathFromPSPath(pattern, out _))
                _candidates.Add(new ImportCandidate { Path = path, BatchName = BatchName, Source = path });
        }
        catch (ItemNotFoundException ex)
        {
            WriteItemError(new FileNotFoundException($"{pattern}: no such partition file", ex), "EcodResultFileNotFound", ErrorCategory.ObjectNotFound, pattern);
        }
    }

    protected override void EndProcessing()
    {
        var connector = Connector();
        var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && w is SwitchParameter { IsPresent: true }
                     || (!MyInvocation.BoundParameters.ContainsKey("WhatIf") && SessionState.PSVariable.GetValue("WhatIfPreference") is SwitchParameter { IsPresent: true } or true);
        var options = BuildOptions(whatIf);
        WriteVerbose($"{_candidates.Count} chain(s) to consider: strategy {options.CollisionStrategy}, quality filter {options.QualityFilter}" +
                     $"{(QualityFilter is null ? " (quality.import_quality_threshold)" : "")}, process version {options.ProcessVersion}, " +
                     $"target {options.Target}, {options.BatchSize} chain(s) per transaction{(options.DryRun ? ", dry run (-WhatIf): nothing is written" : "")}" +
                     $"{(CheckCollision.IsPresent ? ", collision check only" : "")}{(Force.IsPresent ? ", tracker's import record ignored (-Force)" : "")}");
        // -WhatIf prints its "What if" line here and then runs the dry run, which reads but writes nothing.
        if (!CheckCollision.IsPresent && !ShouldProcess(connector.Target, $"Import {_candidates.Count} chain(s)") && !whatIf) return;
        if (whatIf && !CheckCollision.IsPresent) ShowComparison(connector, options.ProcessVersion);

        using var tracker = OpenImportTracker(whatIf || CheckCollision.IsPresent);
        using var pump = new PipelinePump();
        var importer = new PartitionImporter(connector, options, tracker) { Notify = message => pump.Post(() => WriteWarning(message)) };
        var reporter = new ProgressReporter(1, $"Importing into {connector.Target}", _candidates.Count);
        ImportProgress? latest = null;
        ImportSummary? summary = null;
        RunDatabase(() =>
        {
            pump.Run(async token => summary = await importer.ImportAsync(_candidates, CheckCollision.IsPresent, record => pump.Post(() => Emit(record)),
                    new Progress(p => Volatile.Write(ref latest, p)), token).ConfigureAwait(false),
                CancellationToken, TimeSpan.FromMilliseconds(250),
                () => { if (Volatile.Read(ref latest) is { } p) WriteProgress(reporter.Build(p.Done, p.Failed)); });
            return true;
        });
        WriteProgress(reporter.Completed());
        if (summary is null) return;
        WriteVerbose($"{summary.Attempted} attempted: {summary.Imported} {(summary.DryRun ? "would be imported" : "imported")}, {summary.Skipped} skipped, " +
                     $"{summary.Filtered} filtered, {summary.Failed} failed, {summary.Collisions} collision(s); {summary.Domains} domain(s), " +
                     $"{summary.EvidenceRows} evidence row(s), {summary.BatchesCreated} batch row(s) created, {summary.Seconds:N1} s");
        WriteObject(summary);
    }

    private void Emit(ProteinImportRecord record)
    {
        if (record.Action == ImportAction.Failed)
            WriteItemError(new InvalidDataException(record.Message ?? $"{record.ProteinId}: import failed"), "EcodImportFailed", ErrorCategory.WriteError,
                (object?)record.Path ?? record.ProteinId);
        else if (IsVerbose() && record.Message is not null)
            WriteVerbose($"{record.ProteinId} ({record.BatchName}): {record.Action}: {record.Message}");
        if (PassThru.IsPresent) WriteObject(record);
    }

    private ImportOptions BuildOptions(bool dryRun)
    {
        QualityFilter filter;
        try { filter = QualityFilter ?? QualityFilters.Parse(Settings.Quality.ImportQualityThreshold); }
        catch (ArgumentException ex) { Fail(ex, "EcodConfigurationInvalid", ErrorCategory.InvalidData, Loaded.FilePath); throw; }
        return new ImportOptions
        {
            CollisionStrategy = CollisionStrategy,
            QualityFilter = filter,
            QualityThresholds = Settings.Quality.ToThresholds(),
            DryRun = dryRun,
            ProcessVersion = ProcessVersion ?? ImportOptions.DefaultProcessVersion,
            ReferenceVersion = Settings.Processing.ReferenceVersion,
            EvidenceTable = Settings.Database.EvidenceTable,
            BatchSize = BatchSize,
            IgnoreLedger = Force.IsPresent,
            Target = Target,
            Reference = LoadReference(),
        };
    }

    /// <summary>The reference library when one is given or configured and present; a broken one is a warning, not a stopped import.</summary>
    private ReferenceData? LoadReference()
    {
        var explicitly = !string.IsNullOrEmpty(ReferenceDirectory);
        var directory = explicitly ? ResolvePath(ReferenceDirectory!) : Loaded.ResolvePath(Settings.Paths.ReferenceDir);
        if (!explicitly && !Directory.Exists(directory))
        {
            WriteVerbose($"No reference library at {directory}: evidence groups come from the summaries, confidences without coverage terms");
            return null;
        }
        try
        {
            var reference = ReferenceData.Load(directory, CancellationToken);
            WriteVerbose($"Reference library {directory}: {reference.DomainCount} domains (evidence confidences and classification groups)");
            return reference;
        }
        catch (InputFileException ex)
        {
            WriteWarning($"{ex.Message}; importing without the reference library (evidence groups from the summaries only)");
            return null;
        }
    }

    /// <summary>The tracker for the import ledger: created when missing for a real import, read-only (or none) for a dry run.</summary>
    private TrackingDatabase? OpenImportTracker(bool readOnly)
    {
        var path = TrackerPath(TrackingDatabase);
        if (readOnly && !File.Exists(path))
        {
            WriteVerbose($"Tracking database {path} does not exist: no import record to consult");
            return null;
        }
        return OpenTracker(TrackingDatabase, readOnly);
    }

    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
