using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Pipeline;

/// <summary>
/// The raw chain BLAST alignments one chain gets, the file they came from (provenance), and the quality flags and
/// decision lines that say what happened to the file.
/// </summary>
internal sealed record ChainBlastSource(
    IReadOnlyDictionary<string, ChainAlignment> Alignments,
    string? UsedPath,
    IReadOnlyList<QualityFlag> Flags,
    IReadOnlyList<string> Notes)
{
    public static ChainBlastSource None(params string[] notes) => new(new Dictionary<string, ChainAlignment>(), null, [], notes);

    public static ChainBlastSource Flagged(string flag, string message) =>
        new(new Dictionary<string, ChainAlignment>(), null, [new QualityFlag(flag, QualityFlag.Warning, message)], [message]);
}
