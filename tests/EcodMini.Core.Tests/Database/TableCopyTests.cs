using System.Text;
using EcodMini.Core.Database;
using NpgsqlTypes;

namespace EcodMini.Core.Tests.Database;

/// <summary>The import's text COPY: values escaped the way the server reads them back, fitted to the columns a table declares.</summary>
public sealed class TableCopyTests
{
    private static string Line(params object?[] values)
    {
        var text = new StringBuilder();
        foreach (var value in values) { CopyText.Append(text, value); text.Append('|'); }
        return text.ToString();
    }

    [Fact]
    public void TextValuesEscapeBackslashTabNewlineAndCarriageReturnAndNullIsBackslashN()
    {
        Assert.Equal(@"a\\b\tc\nd\re|\N|", Line("a\\b\tc\nd\re", null));
    }

    [Fact]
    public void NumbersBooleansAndTimestampsUseTheInvariantRoundTripForms()
    {
        var time = new DateTime(2026, 12, 7, 1, 2, 3, DateTimeKind.Utc).AddTicks(4560);
        Assert.Equal("-12|9000000000|0.1|1E-200|NaN|t|f|2026-12-07 01:02:03.000456+00|", Line(-12, 9_000_000_000L, 0.1f, 1e-200, double.NaN, true, false, time));
    }

    [Fact]
    public void ArraysBecomeQuotedArrayLiteralsOrTheJoinedTextForATextColumn()
    {
        string[] actions = ["merge \"a\"", @"back\slash", "x"];
        Assert.Equal(@"{""merge \\""a\\"""",""back\\\\slash"",""x""}|", Line(new object?[] { actions }));
        var joined = new StringBuilder();
        CopyText.Append(joined, actions, joinArray: true);
        Assert.Equal(@"merge ""a""; back\\slash; x", joined.ToString());
        Assert.Equal("{}", CopyText.ArrayLiteral([]));
        Assert.Equal("{NULL,\"b\"}", CopyText.ArrayLiteral([null, "b"]));
    }

    private sealed record Row(long Id, float Score, double Evalue, string Json, string[] Actions, string Note, DateTime At);

    [PostgresFact]
    public void RowsLandInColumnsOfNarrowerOrOtherTypesWithTheirExactValues()
    {
        using var db = new PostgresTestDatabase(initialize: false);
        db.Execute("""
            CREATE TABLE copy_target (id integer PRIMARY KEY, score real, evalue double precision, params jsonb, actions text[],
                                      joined text, note text, at timestamptz)
            """);
        StagingColumn<Row>[] columns =
        [
            new("id", "bigint", NpgsqlDbType.Bigint, r => r.Id), new("score", "real", NpgsqlDbType.Real, r => r.Score),
            new("evalue", "double precision", NpgsqlDbType.Double, r => r.Evalue), new("params", "jsonb", NpgsqlDbType.Jsonb, r => r.Json),
            new("actions", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, r => r.Actions),
            new("joined", "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, r => r.Actions), new("note", "text", NpgsqlDbType.Text, r => r.Note),
            new("at", "timestamptz", NpgsqlDbType.TimestampTz, r => r.At),
        ];
        var at = new DateTime(2026, 12, 7, 1, 2, 3, DateTimeKind.Utc).AddTicks(4560);
        Row[] rows =
        [
            new(1, 0.1f, 1.5e-120, """{"run": "r\\1", "tab": "a\tb"}""", ["one \"q\"", @"two\2"], "line1\nline2\ttab\\", at),
            new(2, float.NaN, 0, "{}", [], "", at.AddTicks(10)),
        ];
        using (var connection = db.Open())
        using (var transaction = connection.BeginTransaction())
        {
            var copy = new TableCopy<Row>("public.copy_target", columns);
            Assert.Equal(2, copy.CopyAsync(connection, rows, new HashSet<string> { "joined" }, CancellationToken.None).GetAwaiter().GetResult());
            transaction.Commit();
        }
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM copy_target WHERE id = 1 AND score = real '0.1' AND evalue = 1.5e-120"));
        Assert.Equal("r\\1|a\tb", db.Text("SELECT (params->>'run') || '|' || (params->>'tab') FROM copy_target WHERE id = 1"));
        Assert.Equal("one \"q\"|two\\2|2", db.Text("SELECT actions[1] || '|' || actions[2] || '|' || cardinality(actions) FROM copy_target WHERE id = 1"));
        Assert.Equal("one \"q\"; two\\2", db.Text("SELECT joined FROM copy_target WHERE id = 1"));
        Assert.Equal("line1\nline2\ttab\\", db.Text("SELECT note FROM copy_target WHERE id = 1"));
        Assert.Equal("2026-12-07 01:02:03.000456", db.Text("SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM copy_target WHERE id = 1"));
        Assert.Equal("NaN|0||0", db.Text("SELECT score::text || '|' || cardinality(actions) || '|' || joined || '|' || length(note) FROM copy_target WHERE id = 2"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM copy_target WHERE id = 2 AND at - (SELECT at FROM copy_target WHERE id = 1) = interval '1 microsecond'"));
    }
}

/// <summary>The protein row's residue count: the union of the domains' segments.</summary>
public sealed class ProteinRowTests
{
    [Fact]
    public void ResiduesAssignedCountsEachResidueOnceAcrossOverlappingAndDiscontinuousDomains()
    {
        var plain = ImportTestData.Chain(3, "b");
        var result = plain with
        {
            Domains = [plain.Domains[0] with { Range = EcodMini.Core.Model.ResidueRange.Parse("1-10,30-40") },
                       plain.Domains[1] with { Range = EcodMini.Core.Model.ResidueRange.Parse("5-20,40-40,60-61") }],
        };
        var row = PartitionRowMapper.Protein(new LoadedChain { Candidate = new ImportCandidate(), Result = result }, 1, null, "v", "r",
            DateTime.UtcNow, "{}", null);
        Assert.Equal(20 + 11 + 2, row.ResiduesAssigned);
    }
}
