using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Pipeline;

/// <summary>
/// Decides where a chain's partition goes and which raw chain BLAST it uses, from explicit choices and the batch
/// layout. Paths given here are already full paths.
/// </summary>
public static class PartitionRequestPlanner
{
    /// <summary>
    /// An output folder (a choice for the whole run) wins over a per-chain output path (such as a task's default
    /// batch-layout output); then that path; then <c>&lt;batch&gt;/mini_domains/</c> for a summary in the batch layout;
    /// else null (no file, result only). Throws <see cref="InputFileException"/> when a folder is given but the
    /// summary's file name holds no protein id to name the output after.
    /// </summary>
    public static string? ChooseOutput(string summaryPath, ProteinId? id, string? outputPath, string? outputDirectory)
    {
        if (!string.IsNullOrEmpty(outputDirectory))
        {
            if (id is null)
            {
                throw new InputFileException(summaryPath,
                    "the file name does not start with a protein id <pdb>_<chain>, so no output name can be derived; give an explicit output path");
            }
            return Path.Combine(outputDirectory, BatchLayout.OutputFileName(id));
        }
        if (!string.IsNullOrEmpty(outputPath)) return outputPath;
        return id is null ? null : BatchLayout.DefaultOutputPath(summaryPath, id);
    }

    /// <summary>
    /// The raw chain BLAST, first found wins: an explicit file (used even when missing, so that is reported); else,
    /// in a given folder, <c>&lt;id&gt;.chain.blast.xml</c>, <c>chain/&lt;id&gt;.&lt;ref&gt;.xml</c>, <c>&lt;id&gt;.chain_blast.xml</c>,
    /// then <c>&lt;id&gt;.&lt;ref&gt;.xml</c> (the folder is the partitioner's <c>blast/chain/</c>); else the batch layout's
    /// (<see cref="BatchLayout.DefaultBlastPath"/>). Null when none exists: the runner then tries the file the summary
    /// itself names. <c>&lt;ref&gt;</c> is the reference version in the summary's file name.
    /// </summary>
    public static string? ChooseBlast(string summaryPath, ProteinId? id, string? blastPath, string? blastDirectory)
    {
        if (!string.IsNullOrEmpty(blastPath)) return blastPath;
        if (id is null) return null;
        if (!string.IsNullOrEmpty(blastDirectory))
        {
            var reference = BatchLayout.ReferenceVersionOf(summaryPath);
            var direct = Path.Combine(blastDirectory, $"{id}.{reference}.xml");
            return BatchLayout.FirstExisting(blastDirectory, id, reference) ?? (File.Exists(direct) ? direct : null);
        }
        return BatchLayout.DefaultBlastPath(summaryPath, id);
    }
}
