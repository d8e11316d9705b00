using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;

namespace EcodMini.Core.Pipeline;

/// <summary>
/// Reads one chain's inputs, partitions it, writes the partition atomically. Never throws for a bad input:
/// the result carries Success=false and an Error naming the file and the reason. Thread-safe.
/// </summary>
public sealed class ChainPartitionRunner(ReferenceData reference, PartitionOptions options, OutputFormat format = OutputFormat.V1)
{
    public ReferenceData Reference { get; } = reference;
    public PartitionOptions Options { get; } = options;
    public OutputFormat Format { get; } = format;

    public PartitionResult Run(PartitionRequest request, CancellationToken cancellationToken = default)
    {
        // CONTRACT STUB: the engine work replaces this body.
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException($"engine not built yet ({request.SummaryPath}, {Reference}, {Options}, {Format})");
    }
}
