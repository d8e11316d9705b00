using System.Globalization;
using System.Text;

namespace EcodMini.Core.Execution;

/// <summary>
/// A run's log in paths.log_dir (<c>&lt;run id&gt;.log</c>): one timestamped line per thing the coordinator decided
/// (chains queued, chunks launched and collected, failed chains with their errors, the totals). Each line is flushed,
/// so a killed run leaves what it did. <see cref="None"/> writes nothing (no log folder).
/// </summary>
internal sealed class RunLog : IDisposable
{
    private readonly StreamWriter? _writer;

    private RunLog(StreamWriter? writer, string? path)
    {
        _writer = writer;
        FilePath = path;
    }

    public static RunLog None => new(null, null);

    /// <summary>The log file, or null when no log is written.</summary>
    public string? FilePath { get; }

    /// <summary>Creates the folder when missing and appends to <c>&lt;directory&gt;/&lt;runId&gt;.log</c>.</summary>
    public static RunLog Open(string? directory, string runId)
    {
        if (string.IsNullOrEmpty(directory)) return None;
        var full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        var path = Path.Combine(full, runId + ".log");
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new RunLog(new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true }, path);
    }

    public void Write(string message)
    {
        if (_writer is null) return;
        // A line per message: embedded line breaks (multi-line errors) stay on the line.
        var line = message.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
        _writer.WriteLine($"{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} {line}");
    }

    public void Dispose() => _writer?.Dispose();
}
