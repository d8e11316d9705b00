using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;

namespace EcodMini.Core.Evaluation;

/// <summary>
/// Predicted partitions keyed by protein id. A chain seen twice keeps its first readable prediction
/// (folders in the order given, files in ordinal path order).
/// </summary>
public sealed class PredictedSet
{
    private readonly Dictionary<string, PredictedChain> _chains;

    private PredictedSet(Dictionary<string, PredictedChain> chains) => _chains = chains;

    public int Count => _chains.Count;

    /// <summary>Chains in protein id (ordinal) order.</summary>
    public IEnumerable<PredictedChain> Chains => _chains.Values.OrderBy(c => c.ProteinId, StringComparer.Ordinal);

    public bool TryGet(string proteinId, out PredictedChain chain) => _chains.TryGetValue(proteinId, out chain!);

    /// <summary>Every *.xml below the folder, read with <see cref="PartitionDocumentReader"/>.</summary>
    public static PredictedSet FromDirectory(string directory, CancellationToken ct = default) => FromDirectories([directory], ct);

    public static PredictedSet FromDirectories(IEnumerable<string> directories, CancellationToken ct = default)
    {
        var chains = new Dictionary<string, PredictedChain>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"prediction folder not found: '{directory}'");
            foreach (var file in PartitionFiles.Under(directory))
            {
                ct.ThrowIfCancellationRequested();
                Add(chains, ReadFile(file));
            }
        }
        return new PredictedSet(chains);
    }

    public static PredictedSet FromResults(IEnumerable<PartitionResult> results)
    {
        var chains = new Dictionary<string, PredictedChain>(StringComparer.Ordinal);
        foreach (var result in results) Add(chains, FromResult(result, result.OutputPath));
        return new PredictedSet(chains);
    }

    /// <summary>A failed run counts as present but unusable, like an unreadable file.</summary>
    private static PredictedChain FromResult(PartitionResult result, string? path) => result.Success
        ? new PredictedChain(result.ProteinId, true, result.Domains.Select(ComparedDomain.From).ToArray(), result.SequenceLength, result.Coverage, path)
        : new PredictedChain(result.ProteinId, false, [], result.SequenceLength, 0, path, result.Error ?? "the run failed");

    private static PredictedChain ReadFile(string file)
    {
        try
        {
            return FromResult(PartitionDocumentReader.Read(file), file);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the reader rejects, the file is present but unusable: record it, keep going.
            var id = BatchLayout.TryGetProteinId(file, out var parsed) ? parsed.ToString() : Path.GetFileNameWithoutExtension(file);
            return new PredictedChain(id, false, [], 0, 0, file, e.Message);
        }
    }

    private static void Add(Dictionary<string, PredictedChain> chains, PredictedChain chain)
    {
        if (!chains.TryGetValue(chain.ProteinId, out var existing) || (!existing.Parseable && chain.Parseable))
            chains[chain.ProteinId] = chain;
    }
}
