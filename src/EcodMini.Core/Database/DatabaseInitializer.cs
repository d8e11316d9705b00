using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Brings a database to what the tool and the team's readers need, in one transaction: <see cref="PlanAsync"/> lists the
/// changes (<see cref="SchemaPlanner"/>), <see cref="Select"/> keeps the ones allowed (changes to existing tables only with
/// force), <see cref="InitializeAsync"/> applies them and checks the result. The outcome is the same on an empty, a partial
/// and a complete database; a second run changes nothing.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task<IReadOnlyList<SchemaChange>> PlanAsync(PostgresConnector connector, string evidenceTable, ImportTarget target,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SchemaPlanner.PlanAsync(connection, evidenceTable, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The changes to run and the ones left out: those that need force (without it), Incompatible notes, and views
    /// while a column they show is still missing (they would fail).
    /// </summary>
    public static (IReadOnlyList<SchemaChange> Apply, IReadOnlyList<SchemaChange> Skipped) Select(IReadOnlyList<SchemaChange> changes, bool force)
    {
        var skipped = changes.Where(c => c.Kind == SchemaChangeKind.Incompatible || (c.NeedsForce && !force)).ToList();
        var columnsMissing = skipped.Any(c => c.Kind == SchemaChangeKind.AddColumn);
        if (columnsMissing) skipped.AddRange(changes.Where(c => c.Kind == SchemaChangeKind.CreateView));
        return ([.. changes.Except(skipped)], skipped);
    }

    /// <summary>Plans, selects (changes to existing tables only with <paramref name="force"/>) and applies in one call.</summary>
    public static async Task<DatabaseInitialization> InitializeAsync(PostgresConnector connector, string evidenceTable,
        ImportTarget target = ImportTarget.Production, bool force = false, CancellationToken cancellationToken = default)
    {
        var (apply, skipped) = Select(await PlanAsync(connector, evidenceTable, target, cancellationToken).ConfigureAwait(false), force);
        return await InitializeAsync(connector, evidenceTable, target, apply, skipped, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<DatabaseInitialization> InitializeAsync(PostgresConnector connector, string evidenceTable, ImportTarget target,
        IReadOnlyList<SchemaChange> apply, IReadOnlyList<SchemaChange> skipped, CancellationToken cancellationToken = default)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var change in apply)
            {
                await using var command = new NpgsqlCommand(change.Sql, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        await SchemaInspector.EnsureCompatibleAsync(connection, connector.Target, evidenceTable, cancellationToken, target).ConfigureAwait(false);
        return new DatabaseInitialization
        {
            Target = connector.Target,
            CreatedTables = [.. apply.Where(c => c.Kind == SchemaChangeKind.CreateTable).Select(c => c.Target)],
            AddedColumns = [.. apply.Where(c => c.Kind == SchemaChangeKind.AddColumn).Select(c => c.Target)],
            CreatedViews = [.. apply.Where(c => c.Kind == SchemaChangeKind.CreateView).Select(c => c.Target)],
            Applied = apply,
            Skipped = skipped,
            EvidenceTable = evidenceTable,
            SchemaTarget = target,
            SchemaComplete = true,
        };
    }
}
