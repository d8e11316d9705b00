namespace EcodMini.Core.Database;

/// <summary>
/// The files an imported row names (source_xml_path, domain_summary_path) checked against the SHA-256 the row stored:
/// a file changed or gone since the import is a mismatch (table "file", the hash column, stored hash against the file's).
/// </summary>
internal static class FileDrift
{
    private static readonly (string Path, string Hash)[] Columns = [("source_xml_path", "source_xml_hash"), ("domain_summary_path", "domain_summary_hash")];

    /// <summary>Adds a mismatch per changed or missing file; returns whether the row named a hashed partition file at all.</summary>
    public static bool Check(IReadOnlyDictionary<string, object?> row, ImportMismatch template, List<ImportMismatch> mismatches)
    {
        var checkedSource = false;
        foreach (var (pathColumn, hashColumn) in Columns)
        {
            if (row.GetValueOrDefault(pathColumn) is not string { Length: > 0 } path || row.GetValueOrDefault(hashColumn) is not string { Length: > 0 } stored) continue;
            if (pathColumn == "source_xml_path") checkedSource = true;
            string actual;
            try { actual = File.Exists(path) ? ChainLoader.HashFile(path) : "missing"; }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { actual = $"unreadable: {ex.Message}"; }
            if (!string.Equals(actual, stored, StringComparison.OrdinalIgnoreCase))
                mismatches.Add(template with { Table = "file", Field = hashColumn, Expected = stored, Actual = actual, Path = path });
        }
        return checkedSource;
    }
}
