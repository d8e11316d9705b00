using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Tests.Inputs;

public class ReferenceDataTests
{
    [Fact]
    public void LoadsAllFilesAndCountsMalformedRows()
    {
        var r = ReferenceData.Load(EngineTestData.ReferenceDir);
        Assert.Equal(7, r.DomainCount);
        Assert.Equal(5, r.ChainCount);
        Assert.Equal(1, r.BlacklistCount);
        Assert.Equal(3, r.SkippedRows);
        Assert.Equal(EngineTestData.ReferenceDir, r.Directory);
        Assert.Equal(270, r.ProteinLength("2IA4", "B"));
        Assert.Equal(247, r.DomainLength("e6dgvA1"));
        Assert.True(r.IsBlacklisted("9bad", "A"));
    }

    [Fact]
    public void QuotedAndUnquotedDiscontinuousRangesAreRead()
    {
        var r = ReferenceData.Load(EngineTestData.ReferenceDir);
        Assert.Equal("1-40,200-260", r.DomainById("e3xyzA1")!.Range.ToString());
        Assert.Equal("1-20,30-60", r.DomainById("e5multiA1")!.Range.ToString());
        Assert.Equal(["e3xyzA1", "e3xyzA2"], r.DomainsOfChain("3xyz", "A").Select(d => d.DomainId));
        Assert.Equal("2.1.2", r.DomainById("e3xyzA2")!.TGroup);
    }

    [Fact]
    public void ProteinLengthsAcceptTheThreeColumnHeader()
    {
        using var t = new TempFolder();
        t.File("domain_definitions.csv", "domain_id,pdb_id,chain_id,range,length,t_group,h_group\ne1abcA1,1abc,A,1-50,50,1.1.1,1.1\n");
        t.File("domain_lengths.csv", "domain_id,length\ne1abcA1,50\n");
        t.File("protein_lengths.csv", "pdb_id,chain_id,length\n1abc,A,55\n1abc,B,x\n");
        var r = ReferenceData.Load(t.Path);
        Assert.Equal(55, r.ProteinLength("1abc", "A"));
        Assert.Equal(1, r.SkippedRows);
        Assert.Equal(0, r.BlacklistCount);
    }

    [Fact]
    public void ProteinLengthsPdbChainWithoutUnderscore()
    {
        using var t = new TempFolder();
        t.File("domain_definitions.csv", "domain_id,pdb_id,chain_id,range,length,t_group,h_group\n");
        t.File("domain_lengths.csv", "domain_id,length\n");
        t.File("protein_lengths.csv", "pdb_chain,length\n1abcA,55\n1abc B,66\n1abc_C,77\nnounderscore,10\n");
        var r = ReferenceData.Load(t.Path);
        Assert.Equal((55, 66, 77), (r.ProteinLength("1abc", "A"), r.ProteinLength("1abc", "B"), r.ProteinLength("1abc", "C")));
        Assert.Equal(1, r.SkippedRows);
    }

    [Fact]
    public void MissingRequiredFileIsAnInputFileExceptionNamingIt()
    {
        using var t = new TempFolder();
        t.File("domain_definitions.csv", "domain_id,pdb_id,chain_id,range,length,t_group,h_group\n");
        var ex = Assert.Throws<InputFileException>(() => ReferenceData.Load(t.Path));
        Assert.EndsWith("domain_lengths.csv", ex.FilePath);
    }

    [Fact]
    public void SharedInstanceIsSafeAcrossThreads()
    {
        var r = ReferenceData.Load(EngineTestData.ReferenceDir);
        var results = new int[64];
        Parallel.For(0, results.Length, i => results[i] = r.DomainsOfChain("2ia4", "A").Count + (r.ProteinLength("6dgv", "A") ?? 0));
        Assert.All(results, v => Assert.Equal(249, v));
    }
}
