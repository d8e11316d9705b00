using System.Text.Json;
using EcodMini.Core.Model;

namespace EcodMini.Core.Evaluation;

/// <summary>The known answers of a synthetic tree (<c>truth.json</c>), chains sorted by protein id.</summary>
public sealed record TruthSet(ulong Seed, string ReferenceVersion, IReadOnlyList<TruthChain> Chains)
{
    public const string FileName = TruthJson.FileName;

    /// <summary>Reads a truth.json; throws <see cref="InvalidDataException"/> naming the file when it is malformed.</summary>
    public static TruthSet Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            var chains = new List<TruthChain>();
            foreach (var c in root.GetProperty(TruthJson.Chains).EnumerateArray())
            {
                var domains = new List<TruthDomain>();
                foreach (var d in c.GetProperty(TruthJson.Domains).EnumerateArray())
                    domains.Add(new TruthDomain(
                        ResidueRange.Parse(d.GetProperty(TruthJson.Range).GetString()),
                        d.GetProperty(TruthJson.EcodDomainId).GetString() ?? "",
                        d.GetProperty(TruthJson.TGroup).GetString() ?? ""));
                chains.Add(new TruthChain(
                    c.GetProperty(TruthJson.ProteinId).GetString() ?? "",
                    c.TryGetProperty(TruthJson.Batch, out var batch) ? batch.GetString() ?? "" : "",
                    c.GetProperty(TruthJson.Length).GetInt32(),
                    c.TryGetProperty(TruthJson.Category, out var category) ? category.GetString() ?? "" : "",
                    !c.TryGetProperty(TruthJson.Representative, out var rep) || rep.GetBoolean(),
                    domains));
            }
            return new TruthSet(
                root.TryGetProperty(TruthJson.Seed, out var seed) ? seed.GetUInt64() : 0,
                root.TryGetProperty(TruthJson.ReferenceVersion, out var version) ? version.GetString() ?? "" : "",
                chains);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or RangeFormatException)
        {
            throw new InvalidDataException($"{path}: not a valid truth file ({e.Message})", e);
        }
    }
}
