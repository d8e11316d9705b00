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

    /// <summary>
    /// The records of the complete lines written after byte <paramref name="offset"/> of a file its worker is still
    /// writing, and the offset after the last of them (a line without its newline yet is left for the next look).
    /// Unreadable complete lines are skipped here; the chunk's final <see cref="Read"/> counts them.
    /// </summary>
    public static (IReadOnlyList<TaskResultRecord> Records, long NextOffset) ReadNew(string path, long offset)
    {
        if (!File.Exists(path)) return ([], offset);
        byte[] tail;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            if (stream.Length <= offset) return ([], offset);
            stream.Seek(offset, SeekOrigin.Begin);
            tail = new byte[stream.Length - offset];
            stream.ReadExactly(tail);
        }
        var end = Array.LastIndexOf(tail, (byte)'\n');
        if (end < 0) return ([], offset);
        var records = new List<TaskResultRecord>();
        foreach (var raw in Encoding.UTF8.GetString(tail, 0, end).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && TryParse(line) is { } record) records.Add(record);
        }
        return (records, offset + end + 1);
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
