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
/// <para>Error policy (docs/INPUTS.md): a structurally bad summary (empty or truncated XML, DOCTYPE entity tricks, unknown
/// root, missing protein element, malformed protein id, non-numeric length, length that cannot be established) fails
/// the chain: Success=false, Error = "&lt;file&gt;: &lt;reason&gt;", ErrorClass Permanent, no output file written (an I/O
/// error while writing the output is Transient). The raw chain BLAST is an
/// optional aid (<see cref="ChainBlastLoader"/>): missing or unusable, it only disables decomposition, with a warning
/// flag. Malformed hits in a well-formed summary are rejected, counted and listed as <c>rejected_hit</c> flags; when
/// every hit is rejected the chain succeeds with zero domains, as the original does. Never throws for bad input;
/// <see cref="OperationCanceledException"/> propagates.</para>
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
        var writing = false;
        try
        {
            var content = SafeXml.ReadNonEmpty(request.SummaryPath);
            sha = Convert.ToHexStringLower(SHA256.HashData(content));
            var chain = SummaryReader.Parse(request.SummaryPath, content);
            var blast = ChainBlastLoader.Load(request, chain, Reference, cancellationToken);
            chain = chain with { Alignments = blast.Alignments };
            PartitionResult result;
            try { result = _engine.Partition(chain, cancellationToken); }
            catch (FormatException ex) { throw new InputFileException(request.SummaryPath, ex.Message); }
            result = result with
            {
                QualityFlags = [.. blast.Flags, .. NotFoundFlag(blast, result), .. result.QualityFlags],
                Decisions = [.. blast.Notes, .. result.Decisions],
                ChainBlastPath = blast.UsedPath,
                BatchId = request.BatchId ?? chain.BatchId,
                InputSha256 = sha,
                Timestamp = timestamp,
                SummaryPath = request.SummaryPath,
                OutputPath = request.OutputPath,
            };
            writing = true;
            if (request.OutputPath is not null) PartitionDocumentWriter.Write(result, request.OutputPath, Format, DurableOutputs);
            return result with { ElapsedMs = Elapsed(started) };
        }
        catch (InputFileException ex)
        {
            return Failure(request, ex.Message, ErrorClass.Permanent, sha, timestamp, started);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Reading: the input is missing, unreadable or invalid (permanent). Writing the output: an I/O fault (transient).
            var file = writing ? request.OutputPath ?? request.SummaryPath : request.SummaryPath;
            var errorClass = writing ? ErrorClass.Transient : ex is UnauthorizedAccessException ? ErrorClass.Permanent : ErrorClassifier.Classify(ex);
            return Failure(request, $"{file}: {ex.Message}", errorClass, sha, timestamp, started);
        }
    }

    /// <summary>A warning when chain BLAST hits went undecomposed because no raw chain BLAST file was found at all.</summary>
    private static IEnumerable<QualityFlag> NotFoundFlag(ChainBlastSource blast, PartitionResult result)
    {
        var undecomposed = result.RejectionCounts.GetValueOrDefault(RejectionReasons.NoAlignment);
        if (blast.UsedPath is null && blast.Flags.Count == 0 && undecomposed > 0)
        {
            yield return new QualityFlag(ChainBlastFlags.NotFound, QualityFlag.Warning,
                $"{undecomposed} chain BLAST hit(s) not decomposed: no raw chain BLAST file found for this chain and no inline alignment");
        }
    }

    private static PartitionResult Failure(PartitionRequest request, string error, ErrorClass errorClass, string? sha, DateTimeOffset timestamp, long started)
    {
        BatchLayout.TryGetProteinId(request.SummaryPath, out var id);
        return new PartitionResult
        {
            Protein = id ?? ProteinId.Create("0000", "A"),
            Success = false,
            Error = error,
            ErrorClass = errorClass,
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
