using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// A batch whose COMMIT was sent when the connection dropped: the protein ids it allocated and what it would have
/// written. Whether it committed is read back from the database (all its protein rows present, or none).
/// </summary>
internal sealed record PendingCommit(long[] ProteinIds, BatchOutcome Outcome)
{
    public async Task<bool> CommittedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (ProteinIds.Length == 0) return false;
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pdb_analysis.partition_proteins WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ProteinIds);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) == ProteinIds.Length;
    }
}
