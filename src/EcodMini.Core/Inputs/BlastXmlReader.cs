using System.Xml;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>
/// Streams raw NCBI BLAST XML (<c>-outfmt 5</c>; the standard DOCTYPE accepted, never resolved) without holding the
/// file: for each <c>Hit</c>, the first <c>Hsp</c>, keyed by (hit pdb lower-case, hit chain) from <c>Hit_def</c> when it
/// names a chain (<see cref="BlastChainName"/>). First hit per key wins.
/// <list type="bullet">
/// <item>Query check: an <c>Iteration</c> whose query (<c>Iteration_query-def</c>, else <c>BlastOutput_query-def</c>)
/// names another chain is skipped; a file with no round for this chain is refused (<see cref="InputFileException"/>).
/// A query that names no chain (<c>No definition line</c>) cannot be checked and is noted.</item>
/// <item>Several rounds for this chain (PSI-BLAST): the last round is used, as the original tools do.</item>
/// <item>A well-formed document of another kind (BLAST XML2, anything not rooted at <c>BlastOutput</c>) gives no
/// alignments and a <see cref="BlastReadResult.Warning"/>.</item>
/// </list>
/// Malformed or truncated XML, an empty or unreadable file throw <see cref="InputFileException"/>. Thread-safe.
/// </summary>
public static class BlastXmlReader
{
    public const string Root = "BlastOutput";

    /// <summary>
    /// Reads <paramref name="path"/>. With <paramref name="query"/>, rounds for other chains are skipped (see above);
    /// with <paramref name="wanted"/> (alignment keys), only those hits' alignments are kept, so memory stays small
    /// whatever the file's size.
    /// </summary>
    public static BlastReadResult Read(string path, ProteinId? query = null, IReadOnlySet<string>? wanted = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return SafeXml.Guard(path, () =>
            {
                using var reader = SafeXml.OpenFile(path);
                if (reader.MoveToContent() != XmlNodeType.Element) throw new InputFileException(path, "no root element");
                if (reader.LocalName != Root) return OtherKind(path, reader.LocalName);
                return new Scan(path, query, wanted).Run(reader, cancellationToken);
            });
        }
        catch (XmlException ex)
        {
            throw new InputFileException(path, SafeXml.Describe(ex), ex);
        }
    }

    private static BlastReadResult OtherKind(string path, string root) => new(new Dictionary<string, ChainAlignment>(), [],
        root.StartsWith("BlastXML2", StringComparison.Ordinal) || root == "BlastOutput2"
            ? $"{path}: BLAST XML2 (-outfmt 16) document <{root}>, not the NCBI BLAST XML (-outfmt 5) that is read; no alignments taken"
            : $"{path}: not NCBI BLAST XML (root element <{root}>, expected <{Root}>); no alignments taken");

    /// <summary>State of one pass over one file.</summary>
    private sealed class Scan(string path, ProteinId? query, IReadOnlySet<string>? wanted)
    {
        private string? _fileQuery;
        private string? _roundQuery;
        private Dictionary<string, ChainAlignment>? _current;
        private Dictionary<string, ChainAlignment>? _chosen;
        private int _rounds, _otherRounds, _unnamedHits, _hits;
        private string? _otherQuery, _uncheckedQuery, _unnamedExample;

        public BlastReadResult Run(XmlReader reader, CancellationToken cancellationToken)
        {
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "BlastOutput_query-def": _fileQuery = reader.ReadElementContentAsString(); continue;
                        case "Iteration_query-def": _roundQuery = reader.ReadElementContentAsString(); continue;
                        case "Iteration":
                            _current = [];
                            _roundQuery = null;
                            if (reader.IsEmptyElement) EndRound();
                            break;
                        case "Hit":
                            cancellationToken.ThrowIfCancellationRequested();
                            AddHit(BlastHitReader.Read(reader, wanted));
                            break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Iteration")
                {
                    EndRound();
                }
                reader.Read();
            }
            if (_current is not null) EndRound(); // hits outside any Iteration (old or hand-made files)
            if (_rounds == 0 && _otherRounds > 0)
                throw new InputFileException(path, $"the BLAST query is '{_otherQuery}', not {query}; file refused (it belongs to another chain)");
            return new BlastReadResult(_chosen ?? [], Notes());
        }

        private void AddHit(BlastHitReader.Hit hit)
        {
            _current ??= [];
            _hits++;
            if (hit.Key is null)
            {
                _unnamedHits++;
                _unnamedExample ??= hit.Description;
                return;
            }
            if (hit.Alignment is not null && (wanted is null || wanted.Contains(hit.Key))) _current.TryAdd(hit.Key, hit.Alignment);
        }

        private void EndRound()
        {
            var roundQuery = _roundQuery ?? _fileQuery;
            var names = query is null ? null : BlastChainName.Names(roundQuery, query);
            if (names == false)
            {
                _otherRounds++;
                _otherQuery ??= roundQuery;
            }
            else
            {
                _rounds++;
                _chosen = _current;
                if (names is null && query is not null) _uncheckedQuery ??= roundQuery ?? "(none)";
            }
            _current = null;
            _roundQuery = null;
        }

        private List<string> Notes()
        {
            var notes = new List<string>();
            if (_rounds > 1) notes.Add($"{path}: {_rounds} rounds (PSI-BLAST): the last round's alignments used");
            if (_otherRounds > 0) notes.Add($"{path}: {_otherRounds} round(s) for another query (e.g. '{_otherQuery}') skipped");
            if (_uncheckedQuery is not null) notes.Add($"{path}: query '{_uncheckedQuery}' names no chain, so it could not be checked against {query}");
            if (_unnamedHits > 0)
                notes.Add($"{path}: {_unnamedHits} of {_hits} hit(s) ignored: the description does not name a pdb chain (e.g. '{_unnamedExample}')");
            return notes;
        }
    }
}
