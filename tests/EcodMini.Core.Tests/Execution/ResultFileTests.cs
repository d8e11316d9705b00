using EcodMini.Core.Execution;
using EcodMini.Core.Tests.Tracking;

namespace EcodMini.Core.Tests.Execution;

public class ResultFileTests
{
    [Fact]
    public void CutOffLastLineIsIgnoredAndClosedBeforeTheNextAppend()
    {
        using var temp = new TempFolder();
        var path = temp.File("c.manifest.json.results.jsonl");
        using (var writer = new ResultFileWriter(path))
            foreach (var id in new[] { "1abc_A", "1abc_B", "1abc_C" }) writer.Append(TrackingTestData.Result(id));
        File.AppendAllText(path, "{\"record_id\":\"cut-off-by-kill");

        var content = ResultFileReader.Read(path);
        Assert.Equal((3, 0, 1), (content.Records.Count, content.MalformedLines, content.TruncatedLines));

        using (var writer = new ResultFileWriter(path)) writer.Append(TrackingTestData.Result("1abc_D"));
        var after = ResultFileReader.Read(path);
        Assert.Equal(["1abc_A", "1abc_B", "1abc_C", "1abc_D"], after.Records.Select(r => r.ProteinId));
        Assert.Equal((1, 0), (after.MalformedLines, after.TruncatedLines));
    }

    [Fact]
    public void RecordsRoundTripWithSnakeCaseFields()
    {
        using var temp = new TempFolder();
        var path = temp.File("r.jsonl");
        var record = TrackingTestData.Result("8ovp_A", coverage: 0.8125);
        using (var writer = new ResultFileWriter(path)) writer.Append(record);
        var line = File.ReadAllText(path);
        Assert.Contains("\"protein_id\":\"8ovp_A\"", line);
        Assert.Contains("\"quality_flags\":[{", line);
        Assert.EndsWith("\n", line);
        var back = Assert.Single(ResultFileReader.Read(path).Records);
        Assert.Equal(record with { QualityFlags = back.QualityFlags, Domains = back.Domains }, back);
        Assert.Equal(record.QualityFlags, back.QualityFlags);
        Assert.Equal(record.Domains, back.Domains);
    }

    [Fact]
    public void ReadingWhatWasAppendedLeavesAHalfWrittenLineForTheNextLookAndNeverReturnsARecordTwice()
    {
        using var temp = new TempFolder();
        var path = temp.File("s.jsonl");
        using (var writer = new ResultFileWriter(path)) writer.Append(TrackingTestData.Result("1abc_A"));
        var (first, offset) = ResultFileReader.ReadNew(path, 0);
        Assert.Equal(["1abc_A"], first.Select(r => r.ProteinId));
        Assert.Equal(new FileInfo(path).Length, offset);

        using (var writer = new ResultFileWriter(path)) writer.Append(TrackingTestData.Result("1abc_B"));
        File.AppendAllText(path, "not json\n{\"record_id\":\"half-writ");
        var (second, middle) = ResultFileReader.ReadNew(path, offset);
        Assert.Equal(["1abc_B"], second.Select(r => r.ProteinId));
        Assert.Equal(new FileInfo(path).Length - "{\"record_id\":\"half-writ".Length, middle);

        Assert.Empty(ResultFileReader.ReadNew(path, middle).Records);
        Assert.Equal((middle, 0), (ResultFileReader.ReadNew(path, middle).NextOffset, ResultFileReader.ReadNew("/nonexistent/x.jsonl", 0).Records.Count));
    }

    [Fact]
    public void MissingFileReadsAsEmpty() => Assert.Empty(ResultFileReader.Read("/nonexistent/x.jsonl").Records);
}
