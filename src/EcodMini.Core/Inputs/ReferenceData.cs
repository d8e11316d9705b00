using System.Globalization;
using EcodMini.Core.Model;

namespace EcodMini.Core.Inputs;

/// <summary>
/// The reference library (domain definitions, domain lengths, protein lengths, blacklist), loaded once and then
/// immutable, so one instance is shared by all threads. Malformed CSV rows are skipped and counted.
/// </summary>
public sealed class ReferenceData
{
    public const string DefinitionsFile = "domain_definitions.csv";
    public const string DomainLengthsFile = "domain_lengths.csv";
    public const string ProteinLengthsFile = "protein_lengths.csv";
    public const string BlacklistFile = "reference_blacklist.csv";

    private readonly Dictionary<string, ReferenceDomain[]> _domainsByChain;
    private readonly Dictionary<string, ReferenceDomain> _domainsById;
    private readonly Dictionary<string, int> _domainLengths;
    private readonly Dictionary<string, int> _proteinLengths;
    private readonly HashSet<string> _blacklist;

    private ReferenceData(string? directory, IEnumerable<ReferenceDomain> domains, Dictionary<string, int> domainLengths,
        Dictionary<string, int> proteinLengths, HashSet<string> blacklist, int skippedRows)
    {
        Directory = directory;
        _domainLengths = domainLengths;
        _proteinLengths = proteinLengths;
        _blacklist = blacklist;
        SkippedRows = skippedRows;
        _domainsById = new Dictionary<string, ReferenceDomain>(StringComparer.Ordinal);
        var byChain = new Dictionary<string, List<ReferenceDomain>>(StringComparer.Ordinal);
        foreach (var d in domains)
        {
            _domainsById.TryAdd(d.DomainId, d);
            var key = Key(d.Pdb, d.Chain);
            if (!byChain.TryGetValue(key, out var list)) byChain[key] = list = [];
            list.Add(d);
        }
        _domainsByChain = new Dictionary<string, ReferenceDomain[]>(byChain.Count, StringComparer.Ordinal);
        foreach (var (key, list) in byChain)
            _domainsByChain[key] = [.. list.OrderBy(d => d.Range.Start).ThenBy(d => d.DomainId, StringComparer.Ordinal)];
    }

    /// <summary>The folder loaded from (null for in-memory data).</summary>
    public string? Directory { get; }
    public int SkippedRows { get; }
    public int DomainCount => _domainsById.Count;
    public int ChainCount => _domainsByChain.Count;
    public int BlacklistCount => _blacklist.Count;

    /// <summary>Builds reference data in memory (tests, benchmarks, other loaders).</summary>
    public static ReferenceData Create(IEnumerable<ReferenceDomain> domains, IEnumerable<KeyValuePair<string, int>> domainLengths,
        IEnumerable<(string Pdb, string Chain, int Length)> proteinLengths, IEnumerable<(string Pdb, string Chain)>? blacklist = null)
    {
        var dl = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (k, v) in domainLengths) dl[k] = v;
        var pl = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (p, c, l) in proteinLengths) pl[Key(p, c)] = l;
        var bl = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (p, c) in blacklist ?? []) bl.Add(Key(p, c));
        return new ReferenceData(null, domains, dl, pl, bl, 0);
    }

    /// <summary>
    /// Loads the four CSV files of <paramref name="directory"/>. domain_definitions, domain_lengths and protein_lengths
    /// are required (a missing one is an <see cref="InputFileException"/>); the blacklist is optional.
    /// </summary>
    public static ReferenceData Load(string directory, CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new InputFileException(directory, "reference directory not found");
        var skipped = 0;
        var domains = new List<ReferenceDomain>();
        foreach (var row in ReadRows(Path.Combine(directory, DefinitionsFile), true, cancellationToken))
        {
            if (TryDefinition(row, out var d)) domains.Add(d); else skipped++;
        }
        var domainLengths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in ReadRows(Path.Combine(directory, DomainLengthsFile), true, cancellationToken))
        {
            if (row.Get("domain_id") is { Length: > 0 } id && TryLength(row.Get("length"), out var len)) domainLengths[id] = len;
            else skipped++;
        }
        var proteinLengths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in ReadRows(Path.Combine(directory, ProteinLengthsFile), true, cancellationToken))
        {
            if (TryChain(row, out var pdb, out var chain) && TryLength(row.Get("length"), out var len)) proteinLengths[Key(pdb, chain)] = len;
            else skipped++;
        }
        var blacklist = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in ReadRows(Path.Combine(directory, BlacklistFile), false, cancellationToken))
        {
            if (TryChain(row, out var pdb, out var chain)) blacklist.Add(Key(pdb, chain)); else skipped++;
        }
        return new ReferenceData(directory, domains, domainLengths, proteinLengths, blacklist, skipped);
    }

    /// <summary>Reference domains of a chain ordered by start (pdb matched lower-case first, then as given); empty when none.</summary>
    public IReadOnlyList<ReferenceDomain> DomainsOfChain(string pdb, string chain)
    {
        if (_domainsByChain.TryGetValue(Key(pdb, chain), out var list)) return list;
        return _domainsByChain.TryGetValue(pdb + "_" + chain, out list) ? list : [];
    }

    public bool HasDomainDefinitions(string pdb, string chain) => DomainsOfChain(pdb, chain).Count > 0;

    public ReferenceDomain? DomainById(string domainId) => _domainsById.GetValueOrDefault(domainId);

    public int? DomainLength(string key) => _domainLengths.TryGetValue(key, out var v) ? v : null;

    /// <summary>Protein length of (pdb, chain), trying the lower-case pdb then the pdb as given.</summary>
    public int? ProteinLength(string pdb, string chain)
    {
        if (_proteinLengths.TryGetValue(Key(pdb, chain), out var v)) return v;
        return _proteinLengths.TryGetValue(pdb + "_" + chain, out v) ? v : null;
    }

    public bool IsBlacklisted(string pdb, string chain) => _blacklist.Contains(Key(pdb, chain)) || _blacklist.Contains(pdb + "_" + chain);

    public override string ToString() => $"ReferenceData({DomainCount} domains, {ChainCount} chains, {BlacklistCount} blacklisted, {SkippedRows} rows skipped)";

    private static string Key(string pdb, string chain) => pdb.ToLowerInvariant() + "_" + chain;

    private static bool TryLength(string? text, out int length) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out length) && length > 0;

    private static bool TryChain(CsvRow row, out string pdb, out string chain)
    {
        pdb = row.Get("pdb_id") ?? "";
        chain = row.Get("chain_id") ?? "";
        if (pdb.Length == 0 && row.Get("pdb_chain") is { } pc)
        {
            var sep = pc.IndexOf('_');
            if (sep > 0) { pdb = pc[..sep]; chain = pc[(sep + 1)..]; }
            else if (!Algorithm.ReferenceIdParser.TryParse(pc, out pdb, out chain)) pdb = chain = ""; // 2ia4B, 2ia4 B
        }
        return pdb.Length > 0 && chain.Length > 0;
    }

    private static bool TryDefinition(CsvRow row, out ReferenceDomain domain)
    {
        domain = null!;
        var id = row.Get("domain_id");
        var pdb = row.Get("pdb_id");
        var chain = row.Get("chain_id");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(pdb) || string.IsNullOrEmpty(chain)) return false;
        if (!ResidueRange.TryParse(RangeText.StripChainPrefixes(row.Get("range")), out var range)) return false;
        var length = TryLength(row.Get("length"), out var len) ? len : range.TotalLength;
        domain = new ReferenceDomain(id, pdb, chain, range, length, NullIfEmpty(row.Get("t_group")), NullIfEmpty(row.Get("h_group")));
        return true;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static IEnumerable<CsvRow> ReadRows(string path, bool required, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            if (required) throw new InputFileException(path, "required reference file not found");
            yield break;
        }
        using var reader = new StreamReader(path);
        var header = reader.ReadLine();
        if (header is null) yield break;
        var columns = CsvLine.Split(header.TrimStart('\uFEFF'));
        string? line;
        var n = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            if ((++n & 1023) == 0) ct.ThrowIfCancellationRequested();
            if (line.Length == 0) continue;
            yield return new CsvRow(columns, CsvLine.Split(line));
        }
    }
}
