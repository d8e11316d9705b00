namespace EcodMini.Core.Evaluation;

/// <summary>Whether a reference chain had a usable prediction.</summary>
public enum ComparisonStatus
{
    /// <summary>A prediction was read and compared.</summary>
    Ok,
    /// <summary>No prediction for the chain (counts as wrong everywhere).</summary>
    Missing,
    /// <summary>A prediction file exists but could not be read (or the run failed); counts as wrong.</summary>
    Unparseable,
}
