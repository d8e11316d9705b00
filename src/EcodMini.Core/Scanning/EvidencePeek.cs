using System.Globalization;
using System.Text;

namespace EcodMini.Core.Scanning;

/// <summary>
/// A cheap evidence-quality guess from the first bytes of a domain summary, without parsing the XML: the
/// evidence counts as high quality when that window holds a hit with an e-value &lt;= 1e-10 (legacy
/// <c>evalues="..."</c>, first value; v1.0 <c>evalue="..."</c>) or an HHsearch probability &gt;= 90. Summaries list
/// chain BLAST first, so the window usually holds the strongest evidence.
/// </summary>
public static class EvidencePeek
{
    public const double HighQualityEvalue = 1e-10;
    public const double HighQualityProbability = 90.0;

    public static bool IsHighQuality(string path, int peekBytes)
    {
        if (peekBytes <= 0) return false;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[peekBytes];
            var read = stream.ReadAtLeast(buffer, peekBytes, throwOnEndOfStream: false);
            return IsHighQuality(Encoding.ASCII.GetString(buffer, 0, read));
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    public static bool IsHighQuality(string window) =>
        Values(window, "evalue=\"").Concat(Values(window, "evalues=\"")).Any(e => e <= HighQualityEvalue)
        || Values(window, "probability=\"").Any(p => p >= HighQualityProbability);

    private static IEnumerable<double> Values(string text, string attribute)
    {
        var at = 0;
        while ((at = text.IndexOf(attribute, at, StringComparison.Ordinal)) >= 0)
        {
            var start = at + attribute.Length;
            var end = start;
            while (end < text.Length && text[end] != '"' && text[end] != ',') end++;
            at = end;
            if (end >= text.Length) yield break;
            if (double.TryParse(text.AsSpan(start, end - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                yield return value;
        }
    }
}
