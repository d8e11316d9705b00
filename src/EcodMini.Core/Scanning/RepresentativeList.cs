using EcodMini.Core.Model;

namespace EcodMini.Core.Scanning;

/// <summary>A representative list file: one protein id per line, '#' starts a comment, blank lines ignored.</summary>
public sealed record RepresentativeList(string Path, IReadOnlySet<string> ProteinIds, int InvalidLines)
{
    public static RepresentativeList Load(string path, CancellationToken cancellationToken = default)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var invalid = 0;
        foreach (var raw in File.ReadLines(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hash = raw.IndexOf('#');
            var line = (hash < 0 ? raw : raw[..hash]).Trim();
            if (line.Length == 0) continue;
            if (ProteinId.TryParse(line, out var id)) ids.Add(id.ToString());
            else invalid++;
        }
        return new RepresentativeList(path, ids, invalid);
    }
}
