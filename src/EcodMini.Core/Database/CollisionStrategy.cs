namespace EcodMini.Core.Database;

/// <summary>What to do when a chain already has rows for the same batch.</summary>
public enum CollisionStrategy
{
    /// <summary>Keep the existing rows; the chain is skipped.</summary>
    Skip,
    /// <summary>Delete the existing rows (every process version) and write the new ones.</summary>
    Overwrite,
    /// <summary>Keep the existing rows and add the new ones under a distinct process_version.</summary>
    Version,
}
