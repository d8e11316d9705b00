using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EcodMini.Core.Outputs;

namespace EcodMini.Core.Monitoring.Reports;

/// <summary>
/// Writes a <see cref="ProductionReport"/> as indented JSON (camelCase names, enums as text, times in ISO 8601 UTC,
/// durations also in seconds). The first key, <c>format</c>, names the layout version. Written atomically: a
/// reader never sees half a file.
/// </summary>
public static class ReportJsonWriter
{
    public const string Format = "ecodmini-production-report/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public static string ToJson(ProductionReport report)
    {
        var node = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        var document = new JsonObject { ["format"] = Format };
        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            document[key] = value;
        }
        AddSeconds(document, "statistics", "estimatedRemaining", report.Statistics.EstimatedRemaining);
        AddSeconds(document, "throughput", "bucket", report.Throughput.Bucket);
        return document.ToJsonString(Options);
    }

    public static void Write(ProductionReport report, string path) =>
        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(ToJson(report) + "\n"));

    private static void AddSeconds(JsonObject document, string section, string name, TimeSpan? value)
    {
        if (document[section] is JsonObject target) target[name + "Seconds"] = value?.TotalSeconds;
    }
}
