using System.Globalization;
using System.Text;
using System.Xml;

namespace EcodMini.Synthetic;

/// <summary>Invariant number spellings and the XML writer every synthetic file is written with.</summary>
internal static class SyntheticText
{
    public static string EValue(double value) =>
        value == 0 ? "0" : value >= 0.1 ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("0.0e-0", CultureInfo.InvariantCulture);

    public static string Probability(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A new XML writer over a new file (overwrites): UTF-8 without BOM, two-space indent, '\n' newlines.</summary>
    public static XmlWriter CreateXml(string path) =>
        XmlWriter.Create(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024), new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CloseOutput = true,
        });
}
