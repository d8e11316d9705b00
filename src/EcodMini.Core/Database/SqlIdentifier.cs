using System.Text.RegularExpressions;

namespace EcodMini.Core.Database;

/// <summary>Table and column names that come from configuration: validated, then double-quoted into SQL.</summary>
public static partial class SqlIdentifier
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary><c>"schema"."name"</c>; throws <see cref="ArgumentException"/> for a name that is not a plain identifier.</summary>
    public static string Qualified(string schema, string name)
    {
        if (!IsValid(schema)) throw new ArgumentException($"'{schema}' is not a valid schema name", nameof(schema));
        if (!IsValid(name)) throw new ArgumentException($"'{name}' is not a valid table name", nameof(name));
        return $"\"{schema}\".\"{name}\"";
    }

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
