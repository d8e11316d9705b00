namespace EcodMini.Core.Database;

/// <summary>What happened to one chain in an import (or would happen, in a dry run).</summary>
public enum ImportAction
{
    Imported,
    /// <summary>Existing rows were deleted and the new ones written.</summary>
    Overwritten,
    /// <summary>Written beside the existing rows under a new process_version.</summary>
    Versioned,
    /// <summary>Collided with existing rows and was left out (Skip).</summary>
    Skipped,
    /// <summary>The tracker records an import of the same file content into this database.</summary>
    AlreadyImported,
    /// <summary>Appeared twice in one import; the second is left out.</summary>
    Duplicate,
    /// <summary>Below the quality filter.</summary>
    Filtered,
    Failed,
    /// <summary>Collision check only: existing rows found.</summary>
    Collision,
    /// <summary>Collision check only: no existing rows.</summary>
    NoCollision,
}
