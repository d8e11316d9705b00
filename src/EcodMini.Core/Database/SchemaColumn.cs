namespace EcodMini.Core.Database;

/// <summary>
/// A column of a table the tool creates: its type, and what only a new table gets (<paramref name="Constraints"/>: NOT NULL,
/// DEFAULT, PRIMARY KEY, REFERENCES). Added to an existing table (with -Force) it is added nullable with its bare type.
/// </summary>
public sealed record SchemaColumn(string Name, string Type, string Constraints = "")
{
    public string Definition => $"\"{Name}\" {Type}{(Constraints.Length > 0 ? " " + Constraints : "")}";
}
