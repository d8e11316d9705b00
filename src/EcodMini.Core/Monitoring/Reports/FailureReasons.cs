using System.Text.RegularExpressions;

namespace EcodMini.Core.Monitoring.Reports;

/// <summary>
/// Groups error texts by cause. Errors read "&lt;file&gt;: &lt;reason&gt;" with details in parentheses: the file
/// path, parenthesised details, protein ids and numbers vary per chain, the rest names the cause.
/// </summary>
public static partial class FailureReasons
{
    public static string Key(string status, string? error)
    {
        if (string.IsNullOrWhiteSpace(error)) return status == "failed" ? "no error recorded" : status.ToUpperInvariant();
        var text = error.Trim();
        var firstLine = text.IndexOfAny(['\r', '\n']);
        if (firstLine >= 0) text = text[..firstLine];
        text = LeadingPath().Replace(text, "");
        text = Parenthesised().Replace(text, "");
        text = PathLike().Replace(text, "<path>");
        text = ProteinId().Replace(text, "<id>");
        text = Numbers().Replace(text, "#");
        text = Spaces().Replace(text, " ").Trim().TrimEnd('.', ';', ',', ':');
        if (text.Length > 120) text = text[..117] + "...";
        return text.Length == 0 ? "no error recorded" : text;
    }

    [GeneratedRegex(@"^(?:[A-Za-z]:)?[^\s:]*[/\\][^\s:]*:\s*")]
    private static partial Regex LeadingPath();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"(?:[A-Za-z]:)?(?:[\w.\-~]*[/\\])+[\w.\-]+")]
    private static partial Regex PathLike();

    [GeneratedRegex(@"\b\d[a-z0-9]{3}_[A-Za-z0-9]+\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProteinId();

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
