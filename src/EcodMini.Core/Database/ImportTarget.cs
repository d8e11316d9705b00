namespace EcodMini.Core.Database;

/// <summary>Where an import writes: the production tables, or those plus the ecod_curation staging schema.</summary>
public enum ImportTarget
{
    Production,
    Curation,
}
