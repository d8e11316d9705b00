using System.Text;

namespace EcodMini.Synthetic;

/// <summary>Writes the reference CSVs (FORMATS.md) of a synthetic library.</summary>
internal static class ReferenceFilesWriter
{
    public const string DomainDefinitions = "domain_definitions.csv";
    public const string DomainLengths = "domain_lengths.csv";
    public const string ProteinLengths = "protein_lengths.csv";
    public const string Blacklist = "reference_blacklist.csv";

    public static void Write(string directory, ReferenceLibrary library, ulong seed)
    {
        Directory.CreateDirectory(directory);
        using (var w = Create(Path.Combine(directory, DomainDefinitions)))
        {
            w.Write("domain_id,pdb_id,chain_id,range,length,t_group,h_group\n");
            foreach (var d in library.Chains.SelectMany(c => c.Domains))
                w.Write($"{d.DomainId},{d.Pdb},{d.Chain},\"{d.Range}\",{SyntheticText.Int(d.Length)},{d.TGroup},{d.HGroup}\n");
        }
        using (var w = Create(Path.Combine(directory, DomainLengths)))
        {
            w.Write("domain_id,length\n");
            foreach (var d in library.Chains.SelectMany(c => c.Domains))
                w.Write($"{d.DomainId},{SyntheticText.Int(d.Length)}\n");
        }
        using (var w = Create(Path.Combine(directory, ProteinLengths)))
        {
            w.Write("pdb_id,chain_id,length\n");
            foreach (var c in library.Chains)
                w.Write($"{c.Pdb},{c.Chain},{SyntheticText.Int(c.Length)}\n");
        }
        using (var w = Create(Path.Combine(directory, Blacklist)))
        {
            w.Write("pdb_id,chain_id,reason,date_added,added_by\n");
            var added = SyntheticDates.BaseDate(seed).AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var c in library.BlacklistedChains)
                w.Write($"{c.Pdb},{c.Chain},obsolete_entry,{added},synthetic\n");
        }
    }

    private static StreamWriter Create(string path) => new(path, false, new UTF8Encoding(false));
}
