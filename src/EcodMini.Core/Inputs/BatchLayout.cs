using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>
/// The team's batch folder layout (FORMATS.md): <c>&lt;batch&gt;/domains/&lt;id&gt;.&lt;ref&gt;.domain_summary.xml</c> in,
/// <c>&lt;batch&gt;/blast/&lt;id&gt;.chain.blast.xml</c> beside it, <c>&lt;batch&gt;/mini_domains/&lt;id&gt;.mini.domains.xml</c> out.
/// </summary>
public static class BatchLayout
{
    public const string DomainsFolder = "domains";
    public const string BlastFolder = "blast";
    public const string OutputFolder = "mini_domains";
    public const string DefaultReferenceVersion = "develop291";
    public const string SummarySuffix = ".domain_summary.xml";
    public const string BlastSuffix = ".chain.blast.xml";
    public const string OutputSuffix = ".mini.domains.xml";

    public static string SummaryFileName(ProteinId id, string referenceVersion = DefaultReferenceVersion) =>
        $"{id}.{referenceVersion}{SummarySuffix}";

    public static string BlastFileName(ProteinId id) => $"{id}{BlastSuffix}";

    public static string OutputFileName(ProteinId id) => $"{id}{OutputSuffix}";

    /// <summary>The protein id a summary (or any layout) file name starts with: the text before the first '.'.</summary>
    public static bool TryGetProteinId(string path, out ProteinId id)
    {
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.');
        return ProteinId.TryParse(dot < 0 ? name : name[..dot], out id);
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
    /// Default raw chain BLAST: <c>&lt;batch&gt;/blast/&lt;id&gt;.chain.blast.xml</c> beside the summary's folder, whatever
    /// that folder is called (<c>domains/</c>, or <c>domains_v1/</c> when a batch carries both summary formats),
    /// else <c>&lt;id&gt;.chain.blast.xml</c> next to the summary; null when neither exists.
    /// </summary>
    public static string? DefaultBlastPath(string summaryPath, ProteinId id)
    {
        var summaryDir = Path.GetDirectoryName(Path.GetFullPath(summaryPath));
        if (summaryDir is null) return null;
        var batch = Path.GetDirectoryName(summaryDir);
        var candidates = batch is null
            ? [Path.Combine(summaryDir, BlastFileName(id))]
            : new[] { Path.Combine(batch, BlastFolder, BlastFileName(id)), Path.Combine(summaryDir, BlastFileName(id)) };
        return candidates.FirstOrDefault(File.Exists);
    }
}
