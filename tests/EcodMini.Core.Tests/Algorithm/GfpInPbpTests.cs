using EcodMini.Core.Model;
using static EcodMini.Core.Tests.Algorithm.EngineFixtures;

namespace EcodMini.Core.Tests.Algorithm;

public class GfpInPbpTests
{
    [Fact]
    public void InsertedGfpGivesTwoDomainsWithADiscontinuousPbp()
    {
        var (reference, chain) = GfpInPbp();
        var r = Run(reference, chain);
        Assert.True(r.Success);
        Assert.Equal(2, r.DomainCount);
        var pbp = r.Domains.Single(d => d.EcodDomainId == "e2ia4B1");
        var gfp = r.Domains.Single(d => d.EcodDomainId == "e6dgvA1");
        Assert.True(pbp.IsDiscontinuous);
        Assert.Equal(EvidenceType.ChainBlastDecomposed, pbp.Source);
        Assert.Equal("2-248,500-517", pbp.OriginalRange!.ToString());
        Assert.Equal("1-252,500-517", pbp.Range.ToString());
        Assert.Equal("253-499", gfp.Range.ToString());
        Assert.Equal(EvidenceType.DomainBlast, gfp.Source);
        Assert.Equal("7.3.1", pbp.TGroup);
        Assert.Equal(1.0, r.Coverage);
        Assert.Equal(1, r.RejectionCounts["no_space_left"]);
        Assert.Equal(2, gfp.EvidenceCount); // the domain BLAST hit and the HHsearch hit inside it
        Assert.Equal(1, pbp.EvidenceCount);
    }
}
