namespace EcodMini.Core.Configuration;

/// <summary>Where batches, the tracker, logs, reference data and executor work files live (relative = to the configuration file's folder).</summary>
public sealed record PathSettings
{
    public string BatchBaseDir { get; init; } = "./batches";
    public string TrackingDb { get; init; } = "./ecod-mini/tracking.db";
    public string LogDir { get; init; } = "./ecod-mini/logs";
    public string WorkDir { get; init; } = "./ecod-mini/work";
    public string ReferenceDir { get; init; } = "./batches/reference";
}
