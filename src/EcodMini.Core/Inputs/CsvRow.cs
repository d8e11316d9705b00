namespace EcodMini.Core.Inputs;

/// <summary>
/// One CSV row addressed by header name. An unquoted <c>range</c> column that was split on its commas is re-joined:
/// surplus fields are attributed to the <c>range</c> column.
/// </summary>
internal sealed class CsvRow(List<string> columns, List<string> fields)
{
    public string? Get(string column)
    {
        var index = columns.IndexOf(column);
        if (index < 0) return null;
        var extra = fields.Count - columns.Count;
        var rangeIndex = columns.IndexOf("range");
        if (extra > 0 && rangeIndex >= 0)
        {
            if (index == rangeIndex) return string.Join(',', fields.GetRange(rangeIndex, extra + 1));
            if (index > rangeIndex) index += extra;
        }
        return index < fields.Count ? fields[index] : null;
    }
}
