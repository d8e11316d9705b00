namespace EcodMini.Core.Tracking;

/// <summary>
/// One mount of the mount table: where it is mounted, its file system type, its source, the folder of that source
/// it shows (a bind mount shows a sub-folder) and its options (per-mount and file-system options together).
/// </summary>
public sealed record MountEntry(string MountPoint, string FsType, string Source, string Root, string Options)
{
    /// <summary>The options as a list (split on commas).</summary>
    public IReadOnlyList<string> OptionList => Options.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True when an option is present (exactly, or as <c>name=value</c> when given as such).</summary>
    public bool HasOption(string option) => OptionList.Contains(option, StringComparer.OrdinalIgnoreCase);
}
