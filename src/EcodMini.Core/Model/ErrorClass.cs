namespace EcodMini.Core.Model;

/// <summary>
/// Why a chain failed, as far as a retry is concerned. A permanent failure (unreadable or invalid input, a missing
/// required file, an input the engine rejects) fails the same way every time, so it is never retried; a transient
/// one (a time limit, out of memory, a node failure, an I/O error, a lost worker) is retried under the retry policy.
/// </summary>
public enum ErrorClass
{
    /// <summary>May succeed on another attempt: retried under processing.max_retries and processing.retry_delay.</summary>
    Transient,
    /// <summary>Fails the same way every time: failed at once, never retried automatically (fix the input, then -Force).</summary>
    Permanent,
}
