namespace EcodMini.Core.Tracking;

/// <summary>One forward schema step: the version it brings the database to and its SQL.</summary>
public sealed record TrackingMigration(int Version, string Description, string Sql);
