namespace EcodMini.Core.Database;

/// <summary>The rows one batch writes, and per partition_proteins id where its domains sit in <see cref="Domains"/>.</summary>
internal sealed class WrittenRows
{
    public List<ProteinRow> Proteins { get; } = [];
    public List<DomainRow> Domains { get; } = [];
    public List<EvidenceRow> Evidence { get; } = [];
    public List<ProteinImportRecord> Records { get; } = [];
    public Dictionary<long, (int Start, int Count)> DomainIndex { get; } = [];
}
