using System.Text;

namespace EcodMini.Core.Tests.Scanning;

/// <summary>Lays out batch folders in the team's layout for scanner and executor tests.</summary>
internal sealed class BatchFolderBuilder(string root)
{
    public string Root { get; } = root;

    public string BatchDirectory(string batch) => Path.Combine(Root, batch);

    /// <summary>Writes <c>domains/&lt;name&gt;</c>; <paramref name="evalue"/> goes in the first hit, <paramref name="padding"/> bytes follow.</summary>
    public string Summary(string batch, string id, string evalue = "1e-3", int padding = 0, string reference = "develop291") =>
        SummaryFile(batch, $"{id}.{reference}.domain_summary.xml", evalue, padding);

    public string SummaryFile(string batch, string fileName, string evalue = "1e-3", int padding = 0)
    {
        var dir = Path.Combine(Root, batch, "domains");
        Directory.CreateDirectory(dir);
        var text = new StringBuilder("<blast_summ_doc><chain_blast_run program=\"blastp\"><hits>")
            .Append($"<hit num=\"1\" pdb_id=\"6dgv\" chain_id=\"A\" evalues=\"{evalue},1e-2\"><query_reg>1-100</query_reg></hit>")
            .Append(new string(' ', padding))
            .Append("</hits></chain_blast_run></blast_summ_doc>");
        var path = Path.Combine(dir, fileName);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public string Output(string batch, string id)
    {
        var dir = Path.Combine(Root, batch, "mini_domains");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{id}.mini.domains.xml");
        File.WriteAllText(path, "<partition/>");
        return path;
    }

    public string Blast(string batch, string id)
    {
        var dir = Path.Combine(Root, batch, "blast");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{id}.chain.blast.xml");
        File.WriteAllText(path, "<BlastOutput/>");
        return path;
    }

    public string Representatives(params string[] lines)
    {
        var path = Path.Combine(Root, "representatives.txt");
        File.WriteAllLines(path, lines);
        return path;
    }
}
