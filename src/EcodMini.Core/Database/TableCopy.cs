using System.Text;
using Npgsql;

namespace EcodMini.Core.Database;

/// <summary>
/// Rows straight into their target table with one text-format COPY per call (the way psql's <c>\copy</c> loads them),
/// inside the caller's transaction: no staging table and no second INSERT ... SELECT. The ids are the caller's (allocated
/// from the table's sequence), so the rows need nothing back from the server.
/// </summary>
public sealed class TableCopy<TRow>(string target, IReadOnlyList<StagingColumn<TRow>> columns)
{
    private const int FlushChars = 1 << 16;
    private readonly string _command = $"COPY {target} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN";

    public string Target { get; } = target;

    /// <summary>Copies the rows; columns named in <paramref name="joinedArrays"/> get their array joined into one text value.</summary>
    public async Task<int> CopyAsync(NpgsqlConnection connection, IEnumerable<TRow> rows, IReadOnlySet<string> joinedArrays, CancellationToken cancellationToken)
    {
        var joined = columns.Select(c => joinedArrays.Contains(c.Name)).ToArray();
        var count = 0;
        var text = new StringBuilder(FlushChars + 4096);
        await using var writer = await connection.BeginTextImportAsync(_command, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) text.Append('\t');
                CopyText.Append(text, columns[i].Value(row), joined[i]);
            }
            text.Append('\n');
            count++;
            if (text.Length < FlushChars) continue;
            await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
            text.Clear();
        }
        if (text.Length > 0) await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        return count;
    }
}
