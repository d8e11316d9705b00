using EcodMini.Core.Inputs;
using EcodMini.Core.Scanning;

namespace EcodMini.Core.Database;

/// <summary>
/// What the batch folders say about imported chains, read once per folder: whether a chain is a representative (the
/// batch root's representatives.txt, as the scanner reads it) and how many domain summaries a batch holds (its size).
/// One instance per import; not thread-safe.
/// </summary>
internal sealed class BatchFolders(string referenceVersion)
{
    private readonly Dictionary<string, IReadOnlySet<string>> _representatives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sizes = new(StringComparer.Ordinal);

    public bool IsRepresentative(LoadedChain chain)
    {
        if (chain.BatchDirectory is null || Path.GetDirectoryName(chain.BatchDirectory) is not { } root) return false;
        if (!_representatives.TryGetValue(root, out var ids))
        {
            var path = Path.Combine(root, ScanOptions.DefaultRepresentativeListName);
            try { ids = File.Exists(path) ? RepresentativeList.Load(path).ProteinIds : new HashSet<string>(); }
            catch (IOException) { ids = new HashSet<string>(); }
            catch (UnauthorizedAccessException) { ids = new HashSet<string>(); }
            _representatives[root] = ids;
        }
        return ids.Contains(chain.ProteinId);
    }

    /// <summary>Domain summaries of the reference version in the batch's domains/ folder (0 when unknown).</summary>
    public int Size(string? batchDirectory)
    {
        if (batchDirectory is null) return 0;
        if (_sizes.TryGetValue(batchDirectory, out var size)) return size;
        var folder = Path.Combine(batchDirectory, BatchLayout.DomainsFolder);
        try
        {
            size = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, $"*.{referenceVersion}{BatchLayout.SummarySuffix}").Count() : 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { size = 0; }
        return _sizes[batchDirectory] = size;
    }
}
