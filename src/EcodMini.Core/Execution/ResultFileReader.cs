using System.Text;
using System.Text.Json;

namespace EcodMini.Core.Execution;

/// <summary>
/// Reads a worker's JSON-lines result file. A last line without its newline was cut off by a crash and is
/// ignored (counted as truncated); other unreadable lines are skipped and counted as malformed.
/// </summary>
public static class ResultFileReader
{
    public static ResultFileContent Read(string path)
    {
        if (!File.Exists(path)) return ResultFileContent.Empty;
        string text;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
            text = reader.ReadToEnd();
        var lines = text.Split('\n');
        var records = new List<TaskResultRecord>(lines.Length);
        var malformed = 0;
        var truncated = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            if (i == lines.Length - 1) { truncated++; continue; }
            var record = TryParse(line);
            if (record is null) malformed++;
            else records.Add(record);
        }
        return new ResultFileContent(records, malformed, truncated);
    }

    private static TaskResultRecord? TryParse(string line)
    {
        try
        {
            var record = JsonSerializer.Deserialize<TaskResultRecord>(line, ExecutionJson.Options);
            return record is { RecordId.Length: > 0, ProteinId.Length: > 0, BatchName.Length: > 0 } ? record : null;
        }
        catch (JsonException) { return null; }
    }
}
