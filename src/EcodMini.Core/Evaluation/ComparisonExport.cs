using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcodMini.Core.Evaluation;

/// <summary>Writes a comparison report as CSV (one row per chain) or JSON (summary, per category, chains).</summary>
public static class ComparisonExport
{
    public const string CsvHeader =
        "protein_id,status,category,reference_domains,predicted_domains,count_match,domains_found,boundary_accuracy," +
        "tgroup_correct,predicted_coverage,reference_residues_covered,over_split,under_split";

    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    /// <summary>snake_case names, enum values as text; frozen so the shared instance cannot change.</summary>
    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static void WriteCsv(ComparisonReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write(CsvHeader);
        writer.Write('\n');
        foreach (var c in report.Chains)
        {
            writer.Write(string.Join(',',
                c.ProteinId, Status(c.Status), c.Category ?? "",
                Int(c.ReferenceDomains), Int(c.PredictedDomains), Bool(c.CountMatch), Int(c.DomainsFound), Number(c.BoundaryAccuracy),
                Int(c.TGroupCorrect), Number(c.PredictedCoverage), Number(c.ReferenceResiduesCovered), Bool(c.OverSplit), Bool(c.UnderSplit)));
            writer.Write('\n');
        }
    }

    public static void WriteJson(ComparisonReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        JsonSerializer.Serialize(stream, report, JsonOptions);
    }

    public static string Status(ComparisonStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string Bool(bool value) => value ? "true" : "false";
    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
