namespace EcodMini.Core.Evaluation;

/// <summary>Partition documents below a folder: every *.xml, recursively, in ordinal path order.</summary>
internal static class PartitionFiles
{
    public static IEnumerable<string> Under(string directory) =>
        Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
