namespace EcodMini.PowerShell.Infrastructure;

/// <summary>
/// Puts results finished out of order (parallel work) back into input order: a result is handed on as soon as
/// every earlier one has been, so output streams while keeping the order the user piped in. Used on the
/// pipeline thread only (not thread-safe).
/// </summary>
internal sealed class InputOrderEmitter<T>(Action<T> emit)
{
    private readonly Dictionary<int, T> _waiting = [];
    private int _next;

    /// <summary>Accepts the result of input number <paramref name="index"/> (0-based, each index once).</summary>
    public void Add(int index, T result)
    {
        _waiting[index] = result;
        while (_waiting.Remove(_next, out var ready))
        {
            _next++;
            emit(ready);
        }
    }
}
