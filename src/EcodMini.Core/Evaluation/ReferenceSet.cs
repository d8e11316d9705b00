using EcodMini.Core.Model;
using EcodMini.Core.Outputs;

namespace EcodMini.Core.Evaluation;

/// <summary>The expected partitions the predictions are scored against, keyed by protein id.</summary>
public sealed class ReferenceSet
{
    private readonly SortedDictionary<string, ExpectedChain> _chains;

    private ReferenceSet(IEnumerable<ExpectedChain> chains)
    {
        _chains = new SortedDictionary<string, ExpectedChain>(StringComparer.Ordinal);
        foreach (var chain in chains)
        {
            if (!_chains.TryAdd(chain.ProteinId, chain))
                throw new InvalidDataException($"protein '{chain.ProteinId}' appears twice in the reference");
        }
    }

    /// <summary>Chains in protein id (ordinal) order.</summary>
    public IReadOnlyCollection<ExpectedChain> Chains => _chains.Values;

    public int Count => _chains.Count;

    public bool TryGet(string proteinId, out ExpectedChain chain) => _chains.TryGetValue(proteinId, out chain!);

    /// <summary>A file is read as a synthetic truth.json; a folder as every partition document (*.xml) below it.</summary>
    public static ReferenceSet Load(string path, CancellationToken ct = default)
    {
        if (File.Exists(path)) return FromTruth(TruthSet.Load(path));
        if (!Directory.Exists(path)) throw new FileNotFoundException($"reference not found: '{path}'", path);
        var results = new List<PartitionResult>();
        foreach (var file in PartitionFiles.Under(path))
        {
            ct.ThrowIfCancellationRequested();
            try { results.Add(PartitionDocumentReader.Read(file)); }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Xml.XmlException or FormatException or InputFileException or RangeFormatException)
            {
                throw new InvalidDataException($"reference partition '{file}' cannot be read: {e.Message}", e);
            }
        }
        if (results.Count == 0)
            throw new InvalidDataException($"{path}: no partition documents (*.xml) below this reference folder; give the folder of curated partitions or a truth.json");
        return FromResults(results);
    }

    public static ReferenceSet FromTruth(TruthSet truth) =>
        new(truth.Chains.Select(c => new ExpectedChain(c.ProteinId,
            c.Domains.Select(d => new ComparedDomain(d.Range, d.TGroup, d.EcodDomainId)).ToArray(), c.Category)));

    public static ReferenceSet FromResults(IEnumerable<PartitionResult> results) =>
        new(results.Select(r => new ExpectedChain(r.ProteinId, r.Domains.Select(ComparedDomain.From).ToArray())));

    public static ReferenceSet FromChains(IEnumerable<ExpectedChain> chains) => new(chains);

    /// <summary>Only the reference chains the prediction has an output for (to measure a run over a subset, e.g. representatives).</summary>
    public ReferenceSet RestrictTo(PredictedSet predicted) => new(_chains.Values.Where(c => predicted.TryGet(c.ProteinId, out _)));
}
