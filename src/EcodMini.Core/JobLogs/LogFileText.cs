using System.Text;
using System.Text.RegularExpressions;

namespace EcodMini.Core.JobLogs;

/// <summary>Reads log files a worker may still be writing: shared, tolerant of a missing file, terminal escape codes removed.</summary>
public static partial class LogFileText
{
    /// <summary>The file's lines, or null when it does not exist.</summary>
    public static IReadOnlyList<string>? ReadLines(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path)) return null;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(Plain(line));
        return lines;
    }

    /// <summary>The text without ANSI/VT escape sequences (colour, cursor) that older workers wrote.</summary>
    public static string Plain(string text) => text.Contains('\u001b', StringComparison.Ordinal) ? Escape().Replace(text, "") : text;

    /// <summary>True when <paramref name="line"/> names <paramref name="token"/> as a whole word (ids inside longer ids do not count).</summary>
    public static bool Names(string line, string token)
    {
        for (var at = line.IndexOf(token, StringComparison.Ordinal); at >= 0; at = line.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !IsIdChar(line[at - 1]);
            var end = at + token.Length;
            if (before && (end == line.Length || !IsIdChar(line[end]))) return true;
        }
        return false;
    }

    private static bool IsIdChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    [GeneratedRegex(@"\u001b(\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])")]
    private static partial Regex Escape();
}
