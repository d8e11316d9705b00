using EcodMini.Core.Tracking;

namespace EcodMini.Core.Tests.Tracking;

public abstract class TrackingNamesTests(string journal)
{
    private TrackingDatabase Filled(TempFolder temp)
    {
        var db = TrackingTestData.Open(temp.File("names.db"), journal);
        db.RecordSubmissions([
            TrackingTestData.Submission("8ovp_A", "ecod_batch_002"),
            TrackingTestData.Submission("8ovp_A", "ecod_batch_001"),
            TrackingTestData.Submission("8OVQ_B", "ecod_batch_001"),
            TrackingTestData.Submission("1abc_A", "ecod_batch_001"),
            TrackingTestData.Submission("2xyz_C", "Ecod%weird_batch"),
        ]);
        return db;
    }

    [Fact]
    public void BatchNamesAreDistinctSortedAndCounted()
    {
        using var temp = new TempFolder();
        using var db = Filled(temp);
        var names = db.GetNames(TrackedNameKind.BatchName, "", 200);
        Assert.Equal(["Ecod%weird_batch", "ecod_batch_001", "ecod_batch_002"], names.Select(n => n.Name));
        Assert.Equal(3, names.Single(n => n.Name == "ecod_batch_001").Jobs);
    }

    [Fact]
    public void PrefixIgnoresCaseAndTreatsLikeCharactersLiterally()
    {
        using var temp = new TempFolder();
        using var db = Filled(temp);
        Assert.Equal(["8OVQ_B", "8ovp_A"], db.GetNames(TrackedNameKind.ProteinId, "8ov", 200).Select(n => n.Name));
        Assert.Equal(2, db.GetNames(TrackedNameKind.ProteinId, "8OVP", 200).Single().Jobs);
        // '%' and '_' are literal: "ecod%" matches only the batch with a percent sign, "ecod_b" not "ecodXb".
        Assert.Equal(["Ecod%weird_batch"], db.GetNames(TrackedNameKind.BatchName, "ecod%", 200).Select(n => n.Name));
        Assert.Empty(db.GetNames(TrackedNameKind.ProteinId, "8ov_", 200));
    }

    [Fact]
    public void LimitAndBatchRestrictTheList()
    {
        using var temp = new TempFolder();
        using var db = Filled(temp);
        Assert.Equal(["1abc_A", "2xyz_C"], db.GetNames(TrackedNameKind.ProteinId, null, 2).Select(n => n.Name));
        Assert.Equal(["8ovp_A"], db.GetNames(TrackedNameKind.ProteinId, "", 200, "ecod_batch_002").Select(n => n.Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => db.GetNames(TrackedNameKind.BatchName, "", 0));
    }

    [Fact]
    public void ReadOnlyOpenListsNames()
    {
        using var temp = new TempFolder();
        Filled(temp).Dispose();
        using var reader = TrackingDatabase.Open(temp.File("names.db"), TrackingTestData.For(journal) with { ReadOnly = true });
        Assert.Equal(3, reader.GetNames(TrackedNameKind.BatchName, "", 200).Count);
    }
}
