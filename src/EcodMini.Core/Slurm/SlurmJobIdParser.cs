using System.Globalization;

namespace EcodMini.Core.Slurm;

/// <summary>
/// Expands SLURM job id text into tasks: <c>123</c>, <c>123_4</c>, <c>123_[5-9%2]</c>, <c>123_[1,3-5]</c>
/// (the <c>%N</c> throttle is dropped). Also accepts a cluster suffix <c>123;cluster</c>. Pure and thread-safe.
/// </summary>
public static class SlurmJobIdParser
{
    /// <summary>The tasks named by <paramref name="text"/>; throws <see cref="FormatException"/> on anything else.</summary>
    public static IReadOnlyList<SlurmTaskId> Expand(string text)
    {
        var value = text.Trim();
        var underscore = value.IndexOf('_');
        if (underscore < 0)
        {
            RequireDigits(value, text);
            return [new SlurmTaskId(value, null)];
        }
        var job = value[..underscore];
        RequireDigits(job, text);
        var rest = value[(underscore + 1)..];
        if (!rest.StartsWith('['))
            return [new SlurmTaskId(job, Index(rest, text))];
        if (!rest.EndsWith(']')) throw Bad(text);
        var inner = rest[1..^1];
        var throttle = inner.IndexOf('%');
        if (throttle >= 0) inner = inner[..throttle];
        var tasks = new List<SlurmTaskId>();
        foreach (var part in inner.Split(','))
        {
            var range = part.Split('-');
            if (range.Length == 1) { tasks.Add(new SlurmTaskId(job, Index(range[0], text))); continue; }
            if (range.Length != 2) throw Bad(text);
            var step = 1;
            var to = range[1];
            var colon = to.IndexOf(':');
            if (colon >= 0) { step = Index(to[(colon + 1)..], text); to = to[..colon]; if (step < 1) throw Bad(text); }
            int first = Index(range[0], text), last = Index(to, text);
            if (last < first) throw Bad(text);
            for (var i = first; i <= last; i += step) tasks.Add(new SlurmTaskId(job, i));
        }
        return tasks;
    }

    /// <summary>The job id before any cluster suffix (<c>123;cluster</c>) after sbatch --parsable.</summary>
    public static bool IsJobNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    private static int Index(string text, string whole) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : throw Bad(whole);

    private static void RequireDigits(string id, string whole)
    {
        if (!IsJobNumber(id)) throw Bad(whole);
    }

    private static FormatException Bad(string text) => new($"Unrecognised SLURM job id '{text}': expected 123, 123_4 or 123_[5-9%2]");
}
