using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>
/// The team's batch folder layout (FORMATS.md): <c>&lt;batch&gt;/domains/&lt;id&gt;.&lt;ref&gt;.domain_summary.xml</c> in,
/// the raw chain BLAST under <c>&lt;batch&gt;/blast/</c> (three layouts, <see cref="BlastCandidates"/>),
/// <c>&lt;batch&gt;/mini_domains/&lt;id&gt;.mini.domains.xml</c> out.
/// </summary>
public static class BatchLayout
{
    public const string DomainsFolder = "domains";
    public const string BlastFolder = "blast";
    /// <summary>Sub-folder of <see cref="BlastFolder"/> the original partitioner reads: <c>blast/chain/&lt;id&gt;.&lt;ref&gt;.xml</c>.</summary>
    public const string PartitionerBlastFolder = "chain";
    public const string OutputFolder = "mini_domains";
    public const string DefaultReferenceVersion = "develop291";
    public const string SummarySuffix = ".domain_summary.xml";
    public const string BlastSuffix = ".chain.blast.xml";
    /// <summary>What the original production framework writes: <c>blast/&lt;id&gt;.chain_blast.xml</c>.</summary>
    public const string FrameworkBlastSuffix = ".chain_blast.xml";
    public const string OutputSuffix = ".mini.domains.xml";

    public static string SummaryFileName(ProteinId id, string referenceVersion = DefaultReferenceVersion) =>
        $"{id}.{referenceVersion}{SummarySuffix}";

    public static string BlastFileName(ProteinId id) => $"{id}{BlastSuffix}";

    public static string OutputFileName(ProteinId id) => $"{id}{OutputSuffix}";

    /// <summary>
    /// The raw chain BLAST file names in search order, relative to a batch's <c>blast/</c> folder: the documented
    /// <c>&lt;id&gt;.chain.blast.xml</c>, the original partitioner's <c>chain/&lt;id&gt;.&lt;ref&gt;.xml</c>, the original
    /// production framework's <c>&lt;id&gt;.chain_blast.xml</c>.
    /// </summary>
    public static IReadOnlyList<string> BlastCandidates(ProteinId id, string referenceVersion = DefaultReferenceVersion) =>
    [
        BlastFileName(id),
        Path.Combine(PartitionerBlastFolder, $"{id}.{referenceVersion}.xml"),
        $"{id}{FrameworkBlastSuffix}",
    ];

    /// <summary>The protein id a summary (or any layout) file name starts with: the text before the first '.'.</summary>
    public static bool TryGetProteinId(string path, out ProteinId id)
    {
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.');
        return ProteinId.TryParse(dot < 0 ? name : name[..dot], out id);
    }

    /// <summary>
    /// The reference version token of a summary named <c>&lt;id&gt;.&lt;ref&gt;.domain_summary.xml</c> (letters, digits,
    /// '_' or '-' only, so it is safe in a file name), else <see cref="DefaultReferenceVersion"/>.
    /// </summary>
    public static string ReferenceVersionOf(string summaryPath)
    {
        var name = Path.GetFileName(summaryPath);
        if (!name.EndsWith(SummarySuffix, StringComparison.Ordinal)) return DefaultReferenceVersion;
        var stem = name[..^SummarySuffix.Length];
        var dot = stem.IndexOf('.');
        if (dot < 0) return DefaultReferenceVersion;
        var token = stem[(dot + 1)..];
        return token.Length > 0 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? token : DefaultReferenceVersion;
    }

    /// <summary>The batch folder of a summary that sits in <c>&lt;batch&gt;/domains/</c>, else null.</summary>
    public static string? BatchDirectoryOf(string summaryPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(summaryPath));
        if (dir is null || !string.Equals(Path.GetFileName(dir), DomainsFolder, StringComparison.Ordinal)) return null;
        return Path.GetDirectoryName(dir);
    }

    /// <summary>Default output: <c>&lt;batch&gt;/mini_domains/&lt;id&gt;.mini.domains.xml</c> when the summary is in a batch layout.</summary>
    public static string? DefaultOutputPath(string summaryPath, ProteinId id)
    {
        var batch = BatchDirectoryOf(summaryPath);
        return batch is null ? null : Path.Combine(batch, OutputFolder, OutputFileName(id));
    }

    /// <summary>
    /// Default raw chain BLAST: the first of <see cref="BlastCandidates"/> that exists under <c>&lt;batch&gt;/blast/</c>
    /// beside the summary's folder, whatever that folder is called (<c>domains/</c>, or <c>domains_v1/</c> when a batch
    /// carries both summary formats); else <c>&lt;id&gt;.chain.blast.xml</c> or <c>&lt;id&gt;.chain_blast.xml</c> next to the
    /// summary; null when none exists. The reference version comes from the summary's file name.
    /// </summary>
    public static string? DefaultBlastPath(string summaryPath, ProteinId id)
    {
        var summaryDir = Path.GetDirectoryName(Path.GetFullPath(summaryPath));
        if (summaryDir is null) return null;
        var batch = Path.GetDirectoryName(summaryDir);
        if (batch is not null && FirstExisting(Path.Combine(batch, BlastFolder), id, ReferenceVersionOf(summaryPath)) is { } found)
            return found;
        return new[] { BlastFileName(id), $"{id}{FrameworkBlastSuffix}" }.Select(n => Path.Combine(summaryDir, n)).FirstOrDefault(File.Exists);
    }

    /// <summary>The first of <see cref="BlastCandidates"/> that exists in <paramref name="blastDirectory"/>, else null.</summary>
    public static string? FirstExisting(string blastDirectory, ProteinId id, string referenceVersion) =>
        BlastCandidates(id, referenceVersion).Select(n => Path.Combine(blastDirectory, n)).FirstOrDefault(File.Exists);
}
