namespace EcodMini.Core.Database;

/// <summary>Which quality grades are imported: Good only, Good and Questionable, or All (poor included).</summary>
public enum QualityFilter
{
    Good,
    Questionable,
    All,
}
