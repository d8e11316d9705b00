using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Binding helpers for reused (prepared) commands.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Sets a parameter's value, adding it on first use; null becomes SQL NULL.</summary>
    public static void Set(this SqliteCommand command, string name, object? value)
    {
        if (command.Parameters.Contains(name)) command.Parameters[name].Value = value ?? DBNull.Value;
        else command.Parameters.AddWithValue(name, value ?? DBNull.Value);
    }

    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    public static int? GetInt32OrNull(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
    public static double? GetDoubleOrNull(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
