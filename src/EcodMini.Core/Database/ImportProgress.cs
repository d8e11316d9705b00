namespace EcodMini.Core.Database;

/// <summary>Progress of an import: chains decided so far out of the total.</summary>
public sealed record ImportProgress(int Done, int Total, int Imported, int Failed);
