using System.Xml;
using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>
/// XmlReaderSettings for every input: DTDs ignored (the standard NCBI DOCTYPE line is accepted), no resolver, so no
/// entity is ever expanded and nothing external is fetched; an undeclared entity reference is a parse error.
/// </summary>
public static class SafeXml
{
    private const int HeadBytes = 8192;

    /// <summary>A fresh settings object (XmlReaderSettings is mutable, so none is shared).</summary>
    public static XmlReaderSettings CreateReaderSettings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersFromEntities = 0,
        CloseInput = true,
    };

    /// <summary>
    /// Opens a reader over bytes already in memory. Blank lines before an XML declaration (which XML forbids, but
    /// template-written files often have) are skipped.
    /// </summary>
    public static XmlReader Open(byte[] content)
    {
        var start = ContentStart(content);
        return XmlReader.Create(new MemoryStream(content, start, content.Length - start, writable: false), CreateReaderSettings());
    }

    /// <summary>
    /// Opens a reader that streams the file instead of holding it whole (raw BLAST files run to hundreds of MB), with
    /// the same rules as <see cref="Open"/>. A missing, unreadable or empty file is an <see cref="InputFileException"/>;
    /// the caller disposes the reader (which closes the file).
    /// </summary>
    public static XmlReader OpenFile(string path)
    {
        var stream = Guard(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        try
        {
            var head = new byte[HeadBytes];
            var n = Guard(path, () => stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false));
            var blank = head.AsSpan(0, n).IndexOfAnyExcept(BlankBytes) < 0;
            if (blank && (n < head.Length || Guard(path, () => RestIsBlank(stream)))) throw new InputFileException(path, "file is empty");
            stream.Position = blank ? 0 : ContentStart(head.AsSpan(0, n));
            return XmlReader.Create(stream, CreateReaderSettings());
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the whole file; an empty file is an <see cref="InputFileException"/>.</summary>
    public static byte[] ReadNonEmpty(string path)
    {
        var bytes = Guard(path, () => File.ReadAllBytes(path));
        if (bytes.AsSpan().IndexOfAnyExcept(BlankBytes) < 0) throw new InputFileException(path, "file is empty");
        return bytes;
    }

    /// <summary>Describes an XmlException for a user (line and reason, no stack trace).</summary>
    public static string Describe(XmlException ex) => ex.LineNumber > 0
        ? $"malformed XML at line {ex.LineNumber}: {ex.Message}"
        : $"malformed XML: {ex.Message}";

    /// <summary>Runs a file operation, turning its I/O failures into an <see cref="InputFileException"/> naming the file.</summary>
    public static T Guard<T>(string path, Func<T> read)
    {
        try { return read(); }
        catch (FileNotFoundException) { throw new InputFileException(path, "file not found"); }
        catch (DirectoryNotFoundException) { throw new InputFileException(path, "file not found"); }
        catch (IOException ex) { throw new InputFileException(path, $"cannot read file: {ex.Message}", ex); }
        catch (UnauthorizedAccessException ex) { throw new InputFileException(path, $"cannot read file: {ex.Message}", ex); }
    }

    /// <summary>Where parsing starts: after blank lines (and a byte order mark) that precede an XML declaration, else 0.</summary>
    private static int ContentStart(ReadOnlySpan<byte> head)
    {
        var start = head.IndexOfAnyExcept(BlankBytes);
        return start > 0 && head[start..].StartsWith("<?xml"u8) ? start : 0;
    }

    private static bool RestIsBlank(Stream stream)
    {
        var buffer = new byte[HeadBytes];
        int n;
        while ((n = stream.Read(buffer)) > 0)
            if (buffer.AsSpan(0, n).IndexOfAnyExcept(BlankBytes) >= 0) return false;
        return true;
    }

    /// <summary>Whitespace and the bytes of the UTF-8 byte order mark.</summary>
    private static ReadOnlySpan<byte> BlankBytes => [(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF];
}
