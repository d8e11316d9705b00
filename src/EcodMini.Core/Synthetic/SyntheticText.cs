using System.Globalization;
using System.Text;
using System.Xml;

namespace EcodMini.Core.Synthetic;

/// <summary>Invariant number spellings and the XML writer settings every synthetic file shares.</summary>
internal static class SyntheticText
{
    public static string EValue(double value) =>
        value == 0 ? "0" : value >= 0.1 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("0.0e-0", CultureInfo.InvariantCulture);

    public static string Probability(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static XmlWriterSettings XmlSettings { get; } = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>A file stream for one output file (overwrites; sequential, modest buffer).</summary>
    public static XmlWriter CreateXml(string path) =>
        XmlWriter.Create(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024), CloseOutput(XmlSettings));

    private static XmlWriterSettings CloseOutput(XmlWriterSettings settings)
    {
        var copy = settings.Clone();
        copy.CloseOutput = true;
        return copy;
    }
}
