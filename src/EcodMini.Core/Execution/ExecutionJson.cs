using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcodMini.Core.Execution;

/// <summary>The JSON settings of the worker contract files (manifests and result lines).</summary>
internal static class ExecutionJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };
}
