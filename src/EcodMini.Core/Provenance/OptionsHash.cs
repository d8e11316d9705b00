using System.Text.Json;
using EcodMini.Core.Algorithm;

namespace EcodMini.Core.Provenance;

/// <summary>
/// SHA-256 of the partitioning options as JSON (every property in declaration order), so two runs with the same
/// numbers hash alike and any changed number changes the hash.
/// </summary>
public static class OptionsHash
{
    public static string Compute(PartitionOptions options) =>
        FileHasher.Sha256OfText(JsonSerializer.Serialize(options));
}
