using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Pipeline;

/// <summary>
/// Finds and reads one chain's raw chain BLAST, an optional aid: it never fails the chain. Which file: the request's
/// (an explicit choice, or what the batch layout search found, <see cref="PartitionRequestPlanner.ChooseBlast"/>), else
/// the file the summary itself names (relative names resolved against the summary's folder, then the batch folder).
/// A file that is missing, malformed, truncated, another chain's or not NCBI BLAST XML gives a warning flag and
/// disables decomposition for this chain only. Only the alignments of the summary's own chain BLAST hits are kept, so
/// a file of any size is streamed in little memory. Thread-safe.
/// </summary>
internal static class ChainBlastLoader
{
    public static ChainBlastSource Load(PartitionRequest request, ChainEvidence chain, ReferenceData reference, CancellationToken cancellationToken)
    {
        var (path, origin) = Locate(request, chain);
        if (path is null) return ChainBlastSource.None();
        if (!File.Exists(path))
            return ChainBlastSource.Flagged(ChainBlastFlags.Missing, $"{path}: raw chain BLAST file ({origin}) not found; only inline alignments used");
        var wanted = WantedKeys(chain, reference);
        if (wanted.Count == 0) return ChainBlastSource.None($"raw chain BLAST {path} ({origin}) not read: the summary has no chain BLAST hit");
        try
        {
            var read = BlastXmlReader.Read(path, chain.Protein, wanted, cancellationToken);
            if (read.Warning is not null)
                return ChainBlastSource.Flagged(ChainBlastFlags.Unusable, $"{read.Warning}; chain-BLAST decomposition disabled for this chain");
            return new ChainBlastSource(read.Alignments, path, [],
                [$"raw chain BLAST {path} ({origin}): {read.Alignments.Count} alignment(s) for the summary's chain BLAST hits", .. read.Notes]);
        }
        catch (InputFileException ex)
        {
            return ChainBlastSource.Flagged(ChainBlastFlags.Unusable, $"{ex.Message}; chain-BLAST decomposition disabled for this chain");
        }
    }

    private static (string? Path, string Origin) Locate(PartitionRequest request, ChainEvidence chain)
    {
        if (request.BlastPath is not null) return (request.BlastPath, "given or found in the batch layout");
        var named = chain.ChainBlastReference;
        if (named is null) return (null, "");
        // Only an .xml name is followed, so a summary cannot point the reader at a device or an arbitrary file.
        if (!named.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || named.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            return (null, "");
        if (Path.IsPathRooted(named)) return (named, "named by the summary");
        var summaryDir = Path.GetDirectoryName(Path.GetFullPath(request.SummaryPath)) ?? ".";
        var candidates = new List<string> { Path.Combine(summaryDir, named) };
        if (Path.GetDirectoryName(summaryDir) is { } batch) candidates.Add(Path.Combine(batch, named));
        return (candidates.FirstOrDefault(File.Exists) ?? candidates[0], "named by the summary");
    }

    /// <summary>Alignment keys the summary's chain BLAST hits can look up (every way the engine may resolve their chain).</summary>
    private static HashSet<string> WantedKeys(ChainEvidence chain, ReferenceData reference)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in chain.Hits)
        {
            if (hit.Type != EvidenceType.ChainBlast) continue;
            if (hit.TargetId is { } target)
            {
                if (reference.DomainById(target) is { } domain) keys.Add(ChainEvidence.AlignmentKey(domain.Pdb, domain.Chain));
                if (ReferenceIdParser.TryParse(target, out var p, out var c)) keys.Add(ChainEvidence.AlignmentKey(p, c));
            }
            if (!string.IsNullOrWhiteSpace(hit.Pdb) && !string.IsNullOrWhiteSpace(hit.Chain))
                keys.Add(ChainEvidence.AlignmentKey(hit.Pdb.Trim(), hit.Chain.Trim()));
        }
        return keys;
    }
}
