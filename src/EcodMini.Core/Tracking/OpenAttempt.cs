namespace EcodMini.Core.Tracking;

/// <summary>An attempt the tracker has as running, with the input files its worker reads.</summary>
public sealed record OpenAttempt : AttemptIdentity
{
    public string? OutputPath { get; init; }
    public string? SummaryPath { get; init; }
    public string? BlastPath { get; init; }
}
