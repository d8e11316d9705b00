using System.Text.Json;
using EcodMini.Core.Evaluation;

namespace EcodMini.Synthetic;

/// <summary>Streams truth.json (chains in the order given, which the caller sorts by protein id).</summary>
internal static class TruthWriter
{
    public static void Write(string path, ulong seed, string referenceVersion, IEnumerable<TruthChain> chains, CancellationToken ct)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber(TruthJson.Seed, seed);
        json.WriteString(TruthJson.ReferenceVersion, referenceVersion);
        json.WriteStartArray(TruthJson.Chains);
        foreach (var chain in chains)
        {
            ct.ThrowIfCancellationRequested();
            json.WriteStartObject();
            json.WriteString(TruthJson.ProteinId, chain.ProteinId);
            json.WriteString(TruthJson.Batch, chain.Batch);
            json.WriteNumber(TruthJson.Length, chain.Length);
            json.WriteString(TruthJson.Category, chain.Category);
            json.WriteBoolean(TruthJson.Representative, chain.Representative);
            json.WriteStartArray(TruthJson.Domains);
            foreach (var domain in chain.Domains)
            {
                json.WriteStartObject();
                json.WriteString(TruthJson.Range, domain.Range.ToString());
                json.WriteString(TruthJson.EcodDomainId, domain.EcodDomainId);
                json.WriteString(TruthJson.TGroup, domain.TGroup);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            if (json.BytesPending > 32 * 1024) json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
