namespace EcodMini.Core.Inputs;

/// <summary>Sequence or aligned-sequence text as found in summaries and BLAST XML: whitespace and line breaks removed; blank is null.</summary>
internal static class SequenceText
{
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var needsCopy = false;
        foreach (var c in text)
            if (char.IsWhiteSpace(c)) { needsCopy = true; break; }
        if (!needsCopy) return text;
        return string.Create(CountNonWhite(text), text, (span, src) =>
        {
            var i = 0;
            foreach (var c in src) if (!char.IsWhiteSpace(c)) span[i++] = c;
        });
    }

    private static int CountNonWhite(string text)
    {
        var n = 0;
        foreach (var c in text) if (!char.IsWhiteSpace(c)) n++;
        return n;
    }
}
