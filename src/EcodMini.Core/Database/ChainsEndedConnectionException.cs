namespace EcodMini.Core.Database;

/// <summary>
/// The same chains lost the connection each time they were written, while the server kept accepting new connections:
/// the chains, not an outage, end the session. The import writes them chain by chain and fails only the one at fault.
/// </summary>
public sealed class ChainsEndedConnectionException(string message, Exception inner) : IOException(message, inner);
