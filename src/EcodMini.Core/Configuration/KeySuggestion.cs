namespace EcodMini.Core.Configuration;

/// <summary>"Did you mean" for misspelt keys (edit distance).</summary>
internal static class KeySuggestion
{
    public static string? Closest(string key, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = Distance(key.ToLowerInvariant(), candidate);
            if (d < bestDistance) { best = candidate; bestDistance = d; }
        }
        return best is not null && bestDistance <= Math.Max(2, key.Length / 3) ? best : null;
    }

    public static string UnknownKeyMessage(string? section, string key, IEnumerable<string> known)
    {
        var suggestion = Closest(key, known);
        var where = section is null ? "" : $"{section}: ";
        return $"{where}unknown key '{key}'" + (suggestion is null ? "" : $" (did you mean '{suggestion}'?)");
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
