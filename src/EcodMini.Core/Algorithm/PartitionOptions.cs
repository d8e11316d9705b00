namespace EcodMini.Core.Algorithm;

/// <summary>Every tunable number of the algorithm, in one place (CONTRACT STUB: the engine work fills this in).</summary>
public sealed record PartitionOptions
{
    public int MinDomainSize { get; init; } = 25;

    public PartitionOptions Validate() => this;
}
