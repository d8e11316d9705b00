using EcodMini.Core.Evaluation;
using EcodMini.Core.Tests.Synthetic;

namespace EcodMini.Core.Tests.Evaluation;

/// <summary>Folder inputs go through PartitionDocumentReader: these pass once the engine's reader is merged.</summary>
public sealed class ComparisonFolderTests
{
    private static string V1Partition(string pdb, string chain, int length, params (string Range, string TGroup)[] domains)
    {
        var items = string.Concat(domains.Select((d, i) =>
            $"<domain id=\"{pdb}_{chain}_{i + 1:000}\" range=\"{d.Range}\" size=\"0\" ecod_domain=\"e2ia4A1\" family=\"x\" t_group=\"{d.TGroup}\" h_group=\"1.1\" source=\"domain_blast\" confidence=\"0.9\"/>"));
        return $"<?xml version=\"1.0\" encoding=\"utf-8\"?><partition version=\"1.0\" algorithm=\"ecod-mini\" algorithm_version=\"1.0.0\">" +
               $"<protein pdb_id=\"{pdb}\" chain_id=\"{chain}\" length=\"{length}\"><sequence></sequence><coverage>0.5</coverage><domain_count>{domains.Length}</domain_count></protein>" +
               $"<domains>{items}</domains><metadata><batch_id>b</batch_id><timestamp>2025-01-01T00:00:00Z</timestamp></metadata></partition>";
    }

    [Fact]
    public void Compares_folders_of_partition_documents()
    {
        using var temp = new TempFolder();
        var refDir = Directory.CreateDirectory(temp.Sub("reference")).FullName;
        var predDir = Directory.CreateDirectory(Path.Combine(temp.Sub("predicted"), "batch", "mini_domains")).FullName;
        File.WriteAllText(Path.Combine(refDir, "1abc_A.mini.domains.xml"), V1Partition("1abc", "A", 300, ("1-150", "1.1.1"), ("151-300", "2.2.2")));
        File.WriteAllText(Path.Combine(refDir, "2abc_A.mini.domains.xml"), V1Partition("2abc", "A", 300, ("1-300", "1.1.1")));
        File.WriteAllText(Path.Combine(refDir, "3abc_A.mini.domains.xml"), V1Partition("3abc", "A", 300, ("1-300", "1.1.1")));
        File.WriteAllText(Path.Combine(predDir, "1abc_A.mini.domains.xml"), V1Partition("1abc", "A", 300, ("3-150", "1.1.1"), ("151-298", "2.2.2")));
        File.WriteAllText(Path.Combine(predDir, "2abc_A.mini.domains.xml"), "<partition version=\"1.0\"><protein");

        var report = new PartitionComparer().Compare(PredictedSet.FromDirectory(temp.Sub("predicted")), ReferenceSet.Load(refDir));

        Assert.Equal([ComparisonStatus.Ok, ComparisonStatus.Unparseable, ComparisonStatus.Missing], report.Chains.Select(c => c.Status));
        Assert.Equal(2, report.Chains[0].DomainsFound);
        Assert.Equal(2, report.Summary.WithOutput);
        Assert.Equal(1, report.Summary.Parseable);
    }

    [Fact]
    public void Several_prediction_folders_combine()
    {
        using var temp = new TempFolder();
        var a = Directory.CreateDirectory(temp.Sub("a")).FullName;
        var b = Directory.CreateDirectory(temp.Sub("b")).FullName;
        File.WriteAllText(Path.Combine(a, "1abc_A.mini.domains.xml"), V1Partition("1abc", "A", 100, ("1-100", "1.1.1")));
        File.WriteAllText(Path.Combine(b, "2abc_A.mini.domains.xml"), V1Partition("2abc", "A", 100));

        var predicted = PredictedSet.FromDirectories([a, b]);

        Assert.Equal(2, predicted.Count);
        Assert.True(predicted.TryGet("2abc_A", out var chain));
        Assert.True(chain.Parseable);
        Assert.Empty(chain.Domains);
    }
}
