using EcodMini.Core.Scanning;

namespace EcodMini.Core.Tests.Scanning;

public class EvidencePeekTests
{
    [Theory]
    [InlineData("<hit evalues=\"1e-50,1e-3\">", true)]
    [InlineData("<hit evalues=\"1e-5,1e-60\">", false)]
    [InlineData("<hit type=\"chain_blast\" evalue=\"1.2e-50\"/>", true)]
    [InlineData("<hit probability=\"95.2\" evalue=\"0.1\"/>", true)]
    [InlineData("<hit probability=\"50\" evalue=\"0.1\"/>", false)]
    [InlineData("<blast_summ_doc><hits/></blast_summ_doc>", false)]
    [InlineData("<hit evalues=\"1e-50", false)]
    public void JudgesEvidenceFromTheWindow(string window, bool high) => Assert.Equal(high, EvidencePeek.IsHighQuality(window));

    [Fact]
    public void PriorityOrdersRetryThenQualityThenSize()
    {
        Assert.True(ScanPriority.Compute(true, false, 10_000_000) > ScanPriority.Compute(false, true, 0));
        Assert.True(ScanPriority.Compute(false, true, 10_000_000) > ScanPriority.Compute(false, false, 0));
        Assert.True(ScanPriority.Compute(false, false, 1_000) > ScanPriority.Compute(false, false, 100_000));
        Assert.Equal(ScanPriority.Compute(false, false, 100), ScanPriority.Compute(false, false, 200));
    }
}
