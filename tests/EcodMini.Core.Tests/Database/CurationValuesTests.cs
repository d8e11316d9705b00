using EcodMini.Core.Database;
using EcodMini.Core.Database.Curation;

namespace EcodMini.Core.Tests.Database;

public sealed class CurationValuesTests
{
    [Theory]
    [InlineData(0, "good", "failed")]
    [InlineData(2, "good", "good")]
    [InlineData(2, "questionable", "low_coverage")]
    [InlineData(2, "poor", "fragmentary")]
    public void PartitionQualityUsesOnlyTheContractsValues(int domains, string grade, string expected) =>
        Assert.Equal(expected, CurationValues.PartitionQuality(domains, grade));

    [Fact]
    public void LowConfidenceAndPoorQualityComeFirstInTheQueue()
    {
        var confident = CurationValues.Priority(0.95, "good");
        var doubtful = CurationValues.Priority(0.40, "good");
        var fragmentary = CurationValues.Priority(0.90, "fragmentary");
        var failed = CurationValues.Priority(null, "failed");
        Assert.True(confident.Priority < doubtful.Priority && confident.Priority < fragmentary.Priority);
        Assert.True(failed.Priority > doubtful.Priority);
        Assert.Equal(("routine", "low_confidence", "fragmentary"), (confident.Reason, doubtful.Reason, fragmentary.Reason));
        Assert.InRange(failed.Priority, 0, 100);
    }

    [Fact]
    public void EvidenceAndMethodsMapOntoTheContractsTypes()
    {
        Assert.Equal(("blast_chain", "blast_domain", "hhsearch"), (CurationValues.EvidenceType("chain_blast_decomposed"),
            CurationValues.EvidenceType("domain_blast"), CurationValues.EvidenceType("hhsearch")));
        Assert.Null(CurationValues.EvidenceType("unknown"));
        Assert.Equal(("blast", "hhsearch", null), (CurationValues.AssignmentMethod("chain_blast_decomposed"), CurationValues.AssignmentMethod("hhsearch"),
            CurationValues.AssignmentMethod("other")));
        Assert.Equal("unclassified", CurationValues.ClassificationLevel(null, null, null));
    }

    [Fact]
    public void ChangesToExistingTablesNeedForceAndViewsWaitForTheirColumns()
    {
        SchemaChange[] changes =
        [
            new(SchemaChangeKind.CreateTable, "pdb_analysis.protein", "CREATE TABLE ...", false),
            new(SchemaChangeKind.AddColumn, "pdb_analysis.partition_proteins.sequence_md5", "ALTER TABLE ...", true),
            new(SchemaChangeKind.CreateView, "pdb_analysis.partition_domain_summary", "CREATE VIEW ...", false),
            new(SchemaChangeKind.Incompatible, "pdb_analysis.partition_domains.optimization_actions", "is text", false),
        ];
        var (apply, skipped) = DatabaseInitializer.Select(changes, force: false);
        Assert.Equal([SchemaChangeKind.CreateTable], apply.Select(c => c.Kind));
        Assert.Equal(3, skipped.Count);
        var (forced, notes) = DatabaseInitializer.Select(changes, force: true);
        Assert.Equal([SchemaChangeKind.CreateTable, SchemaChangeKind.AddColumn, SchemaChangeKind.CreateView], forced.Select(c => c.Kind));
        Assert.Equal(SchemaChangeKind.Incompatible, Assert.Single(notes).Kind);
    }
}
