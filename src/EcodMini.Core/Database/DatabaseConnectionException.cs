namespace EcodMini.Core.Database;

/// <summary>
/// The database could not be reached or refused the login. The message names host, port, database and user and
/// carries the server's own words; it never contains the password.
/// </summary>
public sealed class DatabaseConnectionException(string message, Exception? inner = null) : Exception(message, inner);
