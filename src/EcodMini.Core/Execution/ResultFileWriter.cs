using System.Text;
using System.Text.Json;

namespace EcodMini.Core.Execution;

/// <summary>
/// Appends result records to a JSON-lines file, one write and one flush per record, so a killed worker loses at
/// most the record in flight. A cut-off last line left by an earlier crash is closed first so it stays separate.
/// With <c>durable</c> each record is also flushed to disk (fsync) before <see cref="Append"/> returns, so a record
/// the head node reads on a shared file system survives a node crash (cluster workers; about 4 ms per record here).
/// </summary>
public sealed class ResultFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly bool _durable;

    public ResultFileWriter(string path, bool durable = false)
    {
        _durable = durable;
        _stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (_stream.Length > 0)
        {
            _stream.Seek(-1, SeekOrigin.End);
            var last = _stream.ReadByte();
            _stream.Seek(0, SeekOrigin.End);
            if (last != '\n') { _stream.WriteByte((byte)'\n'); _stream.Flush(); }
        }
    }

    public void Append(TaskResultRecord record)
    {
        var line = JsonSerializer.Serialize(record, ExecutionJson.Options) + "\n";
        _stream.Write(Encoding.UTF8.GetBytes(line));
        _stream.Flush(flushToDisk: _durable);
    }

    public void Dispose() => _stream.Dispose();
}
