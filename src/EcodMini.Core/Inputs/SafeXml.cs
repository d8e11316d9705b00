using System.Xml;

namespace EcodMini.Core.Inputs;

/// <summary>
/// XmlReaderSettings for every input: DTDs ignored (the standard NCBI DOCTYPE line is accepted), no resolver, so no
/// entity is ever expanded and nothing external is fetched; an undeclared entity reference is a parse error.
/// </summary>
public static class SafeXml
{
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
        var start = 0;
        while (start < content.Length && IsBlankOrBom(content[start])) start++;
        if (start == 0 || !content.AsSpan(start).StartsWith("<?xml"u8)) start = 0;
        return XmlReader.Create(new MemoryStream(content, start, content.Length - start, writable: false), CreateReaderSettings());
    }

    /// <summary>Reads the whole file; an empty file is an <see cref="Model.InputFileException"/>.</summary>
    public static byte[] ReadNonEmpty(string path)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new Model.InputFileException(path, "file not found"); }
        catch (DirectoryNotFoundException) { throw new Model.InputFileException(path, "file not found"); }
        catch (IOException ex) { throw new Model.InputFileException(path, $"cannot read file: {ex.Message}", ex); }
        catch (UnauthorizedAccessException ex) { throw new Model.InputFileException(path, $"cannot read file: {ex.Message}", ex); }
        var blank = true;
        foreach (var b in bytes)
        {
            if (IsBlankOrBom(b)) continue;
            blank = false;
            break;
        }
        if (blank) throw new Model.InputFileException(path, "file is empty");
        return bytes;
    }

    /// <summary>Describes an XmlException for a user (line and reason, no stack trace).</summary>
    public static string Describe(XmlException ex) => ex.LineNumber > 0
        ? $"malformed XML at line {ex.LineNumber}: {ex.Message}"
        : $"malformed XML: {ex.Message}";

    /// <summary>Whitespace or a byte of the UTF-8 byte order mark.</summary>
    private static bool IsBlankOrBom(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF;
}
