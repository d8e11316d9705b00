using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Synthetic;

/// <summary>The generated reference CSVs read back independently of the engine (test-side, simple split: ranges are quoted).</summary>
public sealed record GeneratedReference(
    IReadOnlyDictionary<string, (string Pdb, string Chain, ResidueRange Range, int Length, string TGroup)> Domains,
    IReadOnlyDictionary<(string Pdb, string Chain), int> ProteinLengths,
    IReadOnlySet<(string Pdb, string Chain)> Blacklist)
{
    public static GeneratedReference Load(string directory)
    {
        var domains = new Dictionary<string, (string, string, ResidueRange, int, string)>();
        foreach (var line in File.ReadLines(Path.Combine(directory, "domain_definitions.csv")).Skip(1))
        {
            var quote = line.IndexOf('"');
            var close = line.IndexOf('"', quote + 1);
            var head = line[..quote].Split(',');
            var tail = line[(close + 2)..].Split(',');
            domains.Add(head[0], (head[1], head[2], ResidueRange.Parse(line[(quote + 1)..close]), int.Parse(tail[0]), tail[1]));
        }
        var lengths = File.ReadLines(Path.Combine(directory, "protein_lengths.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => (f[0], f[1]), f => int.Parse(f[2]));
        var blacklist = File.ReadLines(Path.Combine(directory, "reference_blacklist.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => (f[0], f[1])).ToHashSet();
        return new GeneratedReference(domains, lengths, blacklist);
    }

    public IEnumerable<(string Id, ResidueRange Range)> DomainsOf(string pdb, string chain) =>
        Domains.Where(d => d.Value.Pdb == pdb && d.Value.Chain == chain).Select(d => (d.Key, d.Value.Range));
}
