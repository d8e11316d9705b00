using NpgsqlTypes;

namespace EcodMini.Core.Database;

/// <summary>
/// One column of a staged table: its name (the same in the staging and the target table), its SQL type, the binary
/// COPY type and how to read the value from a row. A list of these yields the temporary table, the COPY column list,
/// the COPY writes and the INSERT ... SELECT column list, so the four can never disagree.
/// </summary>
public sealed record StagingColumn<TRow>(string Name, string SqlType, NpgsqlDbType DbType, Func<TRow, object?> Value);
