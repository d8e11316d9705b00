using EcodMini.Core.Database.Curation;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Compares an existing database with what the tool and the team's readers need and lists the changes, in order:
/// missing schemas and tables (created with their keys and indexes), missing columns of existing tables (added nullable,
/// -Force only), EcodMini's own old unique key replaced by the per-row key (-Force only), missing views. Existing tables are
/// otherwise never altered; a column of another type is reported as Incompatible. Read-only.
/// </summary>
public static class SchemaPlanner
{
    public static async Task<IReadOnlyList<SchemaChange>> PlanAsync(NpgsqlConnection connection, string evidenceTable, ImportTarget target,
        CancellationToken cancellationToken)
    {
        var state = await SchemaState.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        var tables = ProductionTables.All(evidenceTable).ToList();
        var views = ReaderViews.All(evidenceTable).ToList();
        if (target == ImportTarget.Curation)
        {
            tables.AddRange(CurationSchema.Tables);
            views.AddRange(CurationViews.All);
        }
        var changes = new List<SchemaChange>();
        foreach (var schema in tables.Select(t => t.Schema).Distinct().Where(s => !state.Schemas.Contains(s)))
            changes.Add(new SchemaChange(SchemaChangeKind.CreateSchema, schema, $"CREATE SCHEMA IF NOT EXISTS {schema}", false));
        foreach (var table in tables)
        {
            if (!state.Tables.Contains(table.Qualified))
            {
                changes.Add(new SchemaChange(SchemaChangeKind.CreateTable, table.Qualified, table.CreateSql, false));
                changes.AddRange((table.FollowUp ?? []).Select(sql => new SchemaChange(SchemaChangeKind.CreateIndex, IndexName(sql), sql, false)));
                continue;
            }
            foreach (var column in table.Columns)
            {
                var key = $"{table.Qualified}.{column.Name}";
                if (!state.ColumnTypes.TryGetValue(key, out var type))
                    changes.Add(new SchemaChange(SchemaChangeKind.AddColumn, key, table.AddColumnSql(column), true));
                else if (column.Type == "text[]" && type != "ARRAY")
                    changes.Add(new SchemaChange(SchemaChangeKind.Incompatible, key,
                        $"is {type}, the team's readers expect text[]; the importer writes the actions joined by '; '", false));
            }
        }
        if (state.Indexes.Contains($"pdb_analysis.{ProductionSchema.LegacyUniqueIndexName}"))
            changes.Add(new SchemaChange(SchemaChangeKind.DropIndex, $"pdb_analysis.{ProductionSchema.LegacyUniqueIndexName}",
                $"DROP INDEX IF EXISTS pdb_analysis.{ProductionSchema.LegacyUniqueIndexName}", true));
        if (state.Tables.Contains("pdb_analysis.partition_proteins") && !state.Indexes.Contains($"pdb_analysis.{ProductionSchema.RowUniqueIndexName}"))
            changes.Add(new SchemaChange(SchemaChangeKind.CreateIndex, $"pdb_analysis.{ProductionSchema.RowUniqueIndexName}", ProductionSchema.RowUniqueIndex, true));
        foreach (var view in views.Where(v => !state.Tables.Contains(v.Qualified)))
            changes.Add(new SchemaChange(SchemaChangeKind.CreateView, view.Qualified, view.Sql, false));
        return changes;
    }

    private static string IndexName(string sql)
    {
        var words = sql.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(words, "EXISTS");
        return at >= 0 && at + 1 < words.Length ? words[at + 1].Trim('"') : sql;
    }
}
