using System.Management.Automation;
using EcodMini.Core.Evaluation;
using EcodMini.Core.Model;
using EcodMini.PowerShell.Infrastructure;

namespace EcodMini.PowerShell.Cmdlets;

/// <summary>Measures partitions against known or curated domains: domain count, boundaries, T-groups, coverage.</summary>
[Cmdlet(VerbsData.Compare, "EcodPartition", DefaultParameterSetName = "Directory", SupportsShouldProcess = true)]
[OutputType(typeof(ChainComparison), typeof(ComparisonSummary))]
public sealed class CompareEcodPartitionCommand : EcodCmdlet
{
    private readonly List<PartitionResult> _results = [];

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Directory")]
    [ValidateNotNullOrEmpty]
    public string[] Partition { get; set; } = [];

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "Result")]
    public PartitionResult[] InputObject { get; set; } = [];

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Reference { get; set; } = "";

    [Parameter]
    [ValidateRange(0, 1000)]
    public int BoundaryTolerance { get; set; } = 5;

    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>Also emit one summary per case category of the reference (generated truth files carry categories).</summary>
    [Parameter]
    public SwitchParameter ByCategory { get; set; }

    /// <summary>Leave out reference chains that have no predicted output (a run over a subset, e.g. representatives only).</summary>
    [Parameter]
    public SwitchParameter ExcludeMissing { get; set; }

    [Parameter]
    public string? CsvPath { get; set; }

    [Parameter]
    public string? JsonPath { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "Result") _results.AddRange(InputObject.Where(r => r is not null));
    }

    protected override void EndProcessing()
    {
        var referencePath = ResolvePath(Reference);
        ReferenceSet reference;
        PredictedSet predicted;
        try
        {
            reference = ReferenceSet.Load(referencePath);
            predicted = ParameterSetName == "Result"
                ? PredictedSet.FromResults(_results)
                : PredictedSet.FromDirectories(Partition.Select(ResolvePath).ToList());
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InputFileException or UnauthorizedAccessException or FormatException or System.Text.Json.JsonException)
        {
            Fail(ex, "EcodComparisonInputInvalid", ErrorCategory.InvalidData, referencePath);
            return;
        }
        if (ExcludeMissing.IsPresent)
        {
            var all = reference.Count;
            reference = reference.RestrictTo(predicted);
            WriteVerbose($"-ExcludeMissing: {all - reference.Count} of {all} reference chains have no output and are left out");
        }
        WriteVerbose($"Comparing with boundary tolerance +/-{BoundaryTolerance} residues against {referencePath}");
        var report = new PartitionComparer(BoundaryTolerance).Compare(predicted, reference, CancellationToken);
        Export(report);
        if (!Summary.IsPresent) WriteObject(report.Chains, enumerateCollection: true);
        if (ByCategory.IsPresent)
        {
            foreach (var (category, totals) in report.SummaryByCategory.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                WriteObject(totals with { Category = category });
        }
        WriteObject(report.Summary);
    }

    private void Export(ComparisonReport report)
    {
        if (!string.IsNullOrEmpty(CsvPath))
        {
            var csv = ResolvePath(CsvPath);
            if (!ShouldProcess(csv, "Write the per-chain comparison as CSV")) return;
            ComparisonExport.WriteCsv(report, csv);
            WriteVerbose($"Per-chain comparison written to {csv}");
        }
        if (!string.IsNullOrEmpty(JsonPath))
        {
            var json = ResolvePath(JsonPath);
            if (!ShouldProcess(json, "Write the comparison report as JSON")) return;
            ComparisonExport.WriteJson(report, json);
            WriteVerbose($"Comparison report written to {json}");
        }
    }
}
