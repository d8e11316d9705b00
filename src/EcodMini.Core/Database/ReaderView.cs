namespace EcodMini.Core.Database;

/// <summary>A view a reader queries, with the statement that creates it.</summary>
public sealed record ReaderView(string Schema, string Name, string Sql)
{
    public string Qualified => $"{Schema}.{Name}";
}
