namespace EcodMini.Core.Database;

/// <summary>Parses the configuration's quality.import_quality_threshold and applies a filter to a grade.</summary>
public static class QualityFilters
{
    public static QualityFilter Parse(string text) => text.ToLowerInvariant() switch
    {
        "good" => QualityFilter.Good,
        "questionable" => QualityFilter.Questionable,
        "all" => QualityFilter.All,
        _ => throw new ArgumentException($"'{text}' is not a quality threshold (good, questionable or all)"),
    };

    /// <summary>True when a chain graded <paramref name="grade"/> (good, questionable, poor) passes.</summary>
    public static bool Admits(this QualityFilter filter, string grade) => filter switch
    {
        QualityFilter.All => true,
        QualityFilter.Questionable => grade is "good" or "questionable",
        _ => grade == "good",
    };
}
