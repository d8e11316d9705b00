namespace EcodMini.Core.Inputs;

/// <summary>Reference library loaded once per invocation (CONTRACT STUB: the engine work fills this in).</summary>
public sealed class ReferenceData
{
    public int DomainCount { get; }
    public int ChainCount { get; }
    public int BlacklistCount { get; }
    public int SkippedRows { get; }

    public static ReferenceData Load(string directory, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException($"engine not built yet ({directory})");
    }
}
