namespace EcodMini.Core.Model;

/// <summary>A quality remark on one chain's partition, e.g. <c>length_estimated</c> or <c>large_gap</c>.</summary>
public sealed record QualityFlag(string FlagType, string Severity, string Message)
{
    public const string Warning = "warning";
    public const string Error = "error";
}
