using EcodMini.Core.Model;

namespace EcodMini.Core.Outputs;

/// <summary>Reads a partition document in either format (CONTRACT STUB: the engine work fills this in).</summary>
public static class PartitionDocumentReader
{
    public static PartitionResult Read(string path) => throw new InvalidOperationException($"engine not built yet ({path})");
}
