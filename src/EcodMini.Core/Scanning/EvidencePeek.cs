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

    public static bool IsHighQuality(string path, int peekBytes) => Peek(path, peekBytes).HighQuality;

    /// <summary>The quality guess and the sequence length the window states (<c>&lt;protein ... length="N"&gt;</c> or <c>&lt;query_len&gt;</c>), if any.</summary>
    public static (bool HighQuality, int? SequenceLength) Peek(string path, int peekBytes)
    {
        if (peekBytes <= 0) return (false, null);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[peekBytes];
            var read = stream.ReadAtLeast(buffer, peekBytes, throwOnEndOfStream: false);
            var window = Encoding.ASCII.GetString(buffer, 0, read);
            return (IsHighQuality(window), SequenceLength(window));
        }
        catch (IOException) { return (false, null); }
        catch (UnauthorizedAccessException) { return (false, null); }
    }

    public static int? SequenceLength(string window)
    {
        var protein = window.IndexOf("<protein ", StringComparison.Ordinal);
        if (protein >= 0)
        {
            var close = window.IndexOf('>', protein);
            var tag = close < 0 ? window[protein..] : window[protein..close];
            var at = tag.IndexOf(" length=\"", StringComparison.Ordinal);
            if (at >= 0 && Number(tag, at + 9, '"') is { } n) return n;
        }
        var query = window.IndexOf("<query_len>", StringComparison.Ordinal);
        return query >= 0 ? Number(window, query + 11, '<') : null;
    }

    private static int? Number(string text, int start, char end)
    {
        var stop = text.IndexOf(end, start);
        return stop > start && int.TryParse(text.AsSpan(start, stop - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
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
