using EcodMini.Core.Algorithm;

namespace EcodMini.Core.Inputs;

/// <summary>
/// What <see cref="BlastXmlReader"/> took from one raw chain BLAST file: the alignments keyed by
/// <see cref="ChainEvidence.AlignmentKey"/>, short notes on what it decided (for -Verbose), and a warning when the file
/// is well formed but of another kind, so nothing in it could be used.
/// </summary>
public sealed record BlastReadResult(IReadOnlyDictionary<string, ChainAlignment> Alignments, IReadOnlyList<string> Notes, string? Warning = null);
