namespace EcodMini.Core.Configuration;

/// <summary>
/// The production configuration (config/production.yml) as an immutable tree; every value has a default that
/// works on one machine. Override per call with <c>with</c>, e.g. <c>config with { Paths = config.Paths with { TrackingDb = x } }</c>.
/// </summary>
public sealed record EcodConfiguration
{
    public DatabaseSettings Database { get; init; } = new();
    public PathSettings Paths { get; init; } = new();
    public SlurmSettings Slurm { get; init; } = new();
    public ProcessingSettings Processing { get; init; } = new();
    public QualitySettings Quality { get; init; } = new();
    public ExecutionSettings Execution { get; init; } = new();
    public MonitoringSettings Monitoring { get; init; } = new();
    public NotifySettings Notify { get; init; } = new();

    public static EcodConfiguration Default { get; } = new();
}
