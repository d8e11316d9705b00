namespace EcodMini.Core.Inputs;

/// <summary>Range text as other ECOD tools write it: segments may carry a chain prefix (<c>A:1-100,A:120-150</c>).</summary>
internal static class RangeText
{
    /// <summary>Removes a <c>chain:</c> prefix from each segment; text without ':' is returned unchanged.</summary>
    public static string? StripChainPrefixes(string? text)
    {
        if (text is null || !text.Contains(':')) return text;
        var parts = text.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            var colon = parts[i].LastIndexOf(':');
            if (colon >= 0) parts[i] = parts[i][(colon + 1)..];
        }
        return string.Join(',', parts);
    }
}
