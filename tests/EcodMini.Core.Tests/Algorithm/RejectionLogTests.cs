using EcodMini.Core.Algorithm;

namespace EcodMini.Core.Tests.Algorithm;

public class RejectionLogTests
{
    [Fact]
    public void RoutineRejectionsAreSummarisedNotablesListed()
    {
        var log = new RejectionLog();
        log.Count(RejectionReasons.Overlap);
        log.Count(RejectionReasons.Overlap);
        log.Reject(RejectionReasons.InvalidRange, "domain_blast e1 [9-2]");
        Assert.Equal(2, log.Counts[RejectionReasons.Overlap]);
        Assert.Equal(["rejected domain_blast e1 [9-2]: invalid_range", "rejected 2 hit(s): overlap"], log.Decisions());
    }
}
