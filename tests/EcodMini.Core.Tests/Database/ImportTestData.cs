using EcodMini.Core.Database;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;

namespace EcodMini.Core.Tests.Database;

/// <summary>Generated partition files in a batch layout (root/batch/mini_domains/id.mini.domains.xml) for import tests.</summary>
public static class ImportTestData
{
    /// <summary>Chain i: pdb from i, 0-3 domains, coverage from good to poor; every third chain has a discontinuous domain.</summary>
    public static PartitionResult Chain(int i, string batch, string? family = null)
    {
        var id = ProteinId.Create(i.ToString("x4"), i % 7 == 0 ? "B" : "A");
        var count = i % 4;
        var domains = new List<PartitionDomain>();
        for (var d = 0; d < count; d++)
        {
            var start = 1 + d * 100;
            var range = d == 1 && i % 3 == 0 ? ResidueRange.Parse($"{start}-{start + 40},{start + 50}-{start + 90}") : ResidueRange.Parse($"{start}-{start + 90}");
            domains.Add(new PartitionDomain
            {
                Number = d + 1, Id = $"{id}_{d + 1:000}", Range = range, EcodDomainId = $"e{(1000 + d):d4}A{d + 1}",
                Family = family ?? $"family {d}", TGroup = $"{d + 1}.1.1", HGroup = $"{d + 1}.1", Source = d == 0 ? "domain_blast" : "hhsearch",
                Confidence = 0.5 + 0.1 * d, EvidenceCount = d + 1, OriginalRange = ResidueRange.Parse($"{start}-{start + 95}"),
            });
        }
        var length = 320;
        var covered = domains.Sum(d => d.Size);
        return new PartitionResult
        {
            Protein = id, SequenceLength = length, Domains = domains, Coverage = Math.Round((double)covered / length, 4),
            AlgorithmVersion = "1.0.0", BatchId = batch, Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            InputSha256 = new string('a', 64),
        };
    }

    /// <summary>Writes <paramref name="count"/> chains (ids from <paramref name="first"/>) into one batch and returns the candidates.</summary>
    public static List<ImportCandidate> WriteBatch(string root, string batch, int count, int first = 1, OutputFormat format = OutputFormat.V1)
    {
        var folder = Path.Combine(root, batch, "mini_domains");
        Directory.CreateDirectory(folder);
        var candidates = new List<ImportCandidate>(count);
        for (var i = first; i < first + count; i++)
        {
            var chain = Chain(i, batch);
            var path = Path.Combine(folder, $"{chain.ProteinId}.mini.domains.xml");
            PartitionDocumentWriter.Write(chain, path, i % 2 == 0 ? OutputFormat.Legacy : format);
            candidates.Add(new ImportCandidate { Path = path });
        }
        return candidates;
    }

    public static ImportOptions AllQualities(this ImportOptions options) => options with { QualityFilter = QualityFilter.All };
}
