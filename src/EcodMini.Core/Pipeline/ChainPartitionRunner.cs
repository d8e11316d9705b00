using System.Diagnostics;
using System.Security.Cryptography;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Outputs;

namespace EcodMini.Core.Pipeline;

/// <summary>
/// Reads one chain's inputs, partitions it, writes the partition atomically. Thread-safe (no mutable state), so
/// callers may run it in parallel over chains.
/// <para>Error policy: structurally bad input (empty or truncated XML, DOCTYPE entity tricks, unknown root, missing
/// protein element, malformed protein id, non-numeric length, malformed raw BLAST file, length that cannot be
/// established) fails the chain; a raw BLAST path that does not exist is noted in Decisions and the chain goes on
/// with inline alignments only: Success=false, Error = "&lt;file&gt;: &lt;reason&gt;", no output file written.
/// A malformed single hit (reversed range, range past the sequence end, non-numeric e-value) only rejects that hit,
/// counted under <see cref="RejectionReasons.InvalidRange"/> / <see cref="RejectionReasons.InvalidEvalue"/> with a
/// Decision line; but when a chain has hits and every one is malformed, the summary itself is bad and the chain fails. Never throws for bad input; <see cref="OperationCanceledException"/> propagates.</para>
/// </summary>
public sealed class ChainPartitionRunner
{
    private readonly PartitionEngine _engine;

    /// <param name="durableOutputs">fsync each output file before its rename (cluster workers on a shared file system).</param>
    public ChainPartitionRunner(ReferenceData reference, PartitionOptions options, OutputFormat format = OutputFormat.V1, bool durableOutputs = false)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(options);
        Reference = reference;
        Options = options.Validate();
        Format = format;
        DurableOutputs = durableOutputs;
        _engine = new PartitionEngine(reference, Options);
    }

    public ReferenceData Reference { get; }
    public PartitionOptions Options { get; }
    public OutputFormat Format { get; }
    public bool DurableOutputs { get; }

    public PartitionResult Run(PartitionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var started = Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        // Millisecond precision, as written in documents, so a result equals its read-back document.
        var timestamp = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        string? sha = null;
        try
        {
            var content = SafeXml.ReadNonEmpty(request.SummaryPath);
            sha = Convert.ToHexStringLower(SHA256.HashData(content));
            var chain = SummaryReader.Parse(request.SummaryPath, content);
            var blastMissing = request.BlastPath is not null && !File.Exists(request.BlastPath);
            if (request.BlastPath is not null && !blastMissing)
                chain = chain with { Alignments = BlastXmlReader.Read(request.BlastPath) };
            PartitionResult result;
            try { result = _engine.Partition(chain, cancellationToken); }
            catch (FormatException ex) { throw new InputFileException(request.SummaryPath, ex.Message); }
            if (AllHitsMalformed(chain, result) is { } firstError)
                throw new InputFileException(request.SummaryPath, $"no usable hit, every hit is malformed (first: {firstError})");
            if (blastMissing)
                result = result with { Decisions = [$"raw chain BLAST file {request.BlastPath} not found: only inline alignments used", .. result.Decisions] };
            result = result with
            {
                BatchId = request.BatchId ?? chain.BatchId,
                InputSha256 = sha,
                Timestamp = timestamp,
                SummaryPath = request.SummaryPath,
                OutputPath = request.OutputPath,
            };
            if (request.OutputPath is not null) PartitionDocumentWriter.Write(result, request.OutputPath, Format, DurableOutputs);
            return result with { ElapsedMs = Elapsed(started) };
        }
        catch (InputFileException ex)
        {
            return Failure(request, ex.Message, sha, timestamp, started);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var file = request.OutputPath ?? request.SummaryPath;
            return Failure(request, $"{file}: {ex.Message}", sha, timestamp, started);
        }
    }

    /// <summary>
    /// The first malformed-hit decision when the chain has hits and every one has a malformed range or score; else null.
    /// (Hits of an unknown type are not malformed: a chain of only those is a success with zero domains.)
    /// </summary>
    private static string? AllHitsMalformed(ChainEvidence chain, PartitionResult result)
    {
        if (chain.Hits.Count == 0) return null;
        var malformed = result.RejectionCounts.GetValueOrDefault(RejectionReasons.InvalidRange)
            + result.RejectionCounts.GetValueOrDefault(RejectionReasons.InvalidEvalue);
        if (malformed < chain.Hits.Count) return null;
        foreach (var line in result.Decisions)
            if (line.StartsWith("rejected ", StringComparison.Ordinal)) return line["rejected ".Length..];
        return null;
    }

    private static PartitionResult Failure(PartitionRequest request, string error, string? sha, DateTimeOffset timestamp, long started)
    {
        BatchLayout.TryGetProteinId(request.SummaryPath, out var id);
        return new PartitionResult
        {
            Protein = id ?? ProteinId.Create("0000", "A"),
            Success = false,
            Error = error,
            AlgorithmVersion = AlgorithmInfo.Version,
            BatchId = request.BatchId,
            InputSha256 = sha,
            Timestamp = timestamp,
            SummaryPath = request.SummaryPath,
            OutputPath = null,
            ElapsedMs = Elapsed(started),
        };
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
