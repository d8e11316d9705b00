using System.Security.Cryptography;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Outputs;

namespace EcodMini.Core.Database;

/// <summary>
/// Reads and grades import candidates, several files at once. A bad file becomes a <see cref="LoadedChain"/> with
/// an error naming the file and reason; it never stops the others.
/// </summary>
public static class ChainLoader
{
    public static LoadedChain[] LoadAll(IReadOnlyList<ImportCandidate> candidates, QualityThresholds thresholds, string referenceVersion, CancellationToken cancellationToken)
    {
        var loaded = new LoadedChain[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Min(8, Environment.ProcessorCount) },
            i => loaded[i] = Load(candidates[i], thresholds, referenceVersion));
        return loaded;
    }

    public static LoadedChain Load(ImportCandidate candidate, QualityThresholds thresholds, string referenceVersion)
    {
        try
        {
            PartitionResult result;
            string hash;
            string? path = candidate.Path ?? candidate.Result?.OutputPath;
            if (candidate.Result is { } given)
            {
                result = given;
                hash = path is not null && File.Exists(path) ? HashFile(path) : Hash(PartitionDocumentWriter.ToBytes(given, OutputFormat.V1));
            }
            else if (path is not null)
            {
                result = PartitionDocumentReader.Read(path);
                hash = HashFile(path);
            }
            else
            {
                return new LoadedChain { Candidate = candidate, Error = "neither a partition file nor a result was given" };
            }
            if (!result.Success)
                return new LoadedChain { Candidate = candidate, Result = result, Error = $"{result.ProteinId}: the partition failed ({result.Error}); nothing to import" };
            var batchDirectory = path is null ? null : BatchDirectoryOfOutput(path);
            var batch = candidate.BatchName ?? NullIfEmpty(result.BatchId) ?? (batchDirectory is null ? null : Path.GetFileName(batchDirectory));
            var summary = SummaryPath(result, batchDirectory, referenceVersion);
            return new LoadedChain
            {
                Candidate = candidate with { Path = path },
                Result = result,
                BatchName = batch,
                BatchDirectory = batchDirectory,
                ContentHash = hash,
                Grade = thresholds.Grade(result.Coverage, result.MeanDomainConfidence()),
                SummaryPath = summary,
                // The partition's own record of its input wins; else the summary as it is at import.
                SummaryHash = result.InputSha256 ?? (summary is not null && File.Exists(summary) ? HashFile(summary) : null),
                Support = SupportingEvidence.Match(result, summary),
            };
        }
        catch (InputFileException ex)
        {
            return new LoadedChain { Candidate = candidate, Error = ex.Message };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LoadedChain { Candidate = candidate, Error = $"{candidate.Path}: cannot read the partition file: {ex.Message}" };
        }
    }

    /// <summary>The batch folder of a file in <c>&lt;batch&gt;/mini_domains/</c>, else null.</summary>
    public static string? BatchDirectoryOfOutput(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is null || !string.Equals(Path.GetFileName(dir), BatchLayout.OutputFolder, StringComparison.Ordinal)) return null;
        return Path.GetDirectoryName(dir);
    }

    /// <summary>The result's summary, else <c>&lt;batch&gt;/domains/&lt;id&gt;.&lt;ref&gt;.domain_summary.xml</c> when it exists.</summary>
    private static string? SummaryPath(PartitionResult result, string? batchDirectory, string referenceVersion)
    {
        if (result.SummaryPath is { Length: > 0 } known) return known;
        if (batchDirectory is null) return null;
        var summary = Path.Combine(batchDirectory, BatchLayout.DomainsFolder, BatchLayout.SummaryFileName(result.Protein, referenceVersion));
        return File.Exists(summary) ? summary : null;
    }

    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
