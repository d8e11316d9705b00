using System.Management.Automation;
using EcodMini.Core.Database;
using EcodMini.Core.Model;
using EcodMini.Core.Tracking;

namespace EcodMini.PowerShell.Infrastructure;

/// <summary>Turns what Import-EcodResult receives (job objects, partition results, files, paths) into import candidates.</summary>
internal static class ImportInputs
{
    /// <summary>The candidate for one pipeline object, or null with an error record saying why it cannot be imported.</summary>
    public static ImportCandidate? ToCandidate(object input, string? batchName, Func<string, string> resolvePath, out ErrorRecord? error)
    {
        error = null;
        switch (input)
        {
            case JobRecord job when job.Status != JobStatus.Completed:
                error = new ErrorRecord(new InvalidOperationException($"{job.ProteinId} ({job.BatchName}): job is {job.Status}, not completed; only completed jobs are imported"),
                    "EcodJobNotCompleted", ErrorCategory.InvalidOperation, job);
                return null;
            case JobRecord { OutputPath: null or "" } job:
                error = new ErrorRecord(new FileNotFoundException($"{job.ProteinId} ({job.BatchName}): the tracker has no partition file for this job"),
                    "EcodResultFileNotFound", ErrorCategory.ObjectNotFound, job);
                return null;
            case JobRecord job:
                return new ImportCandidate { Path = job.OutputPath, BatchName = batchName ?? job.BatchName, JobRef = job.Id, Source = job };
            case PartitionResult { Success: false } result:
                error = new ErrorRecord(new InvalidDataException($"{result.ProteinId}: the partition failed ({result.Error}); nothing to import"),
                    "EcodResultFailed", ErrorCategory.InvalidData, result);
                return null;
            case PartitionResult result:
                return new ImportCandidate { Result = result, BatchName = batchName, Source = result };
            case FileInfo file:
                return new ImportCandidate { Path = file.FullName, BatchName = batchName, Source = file };
            case string path:
                return new ImportCandidate { Path = resolvePath(path), BatchName = batchName, Source = path };
            default:
                error = new ErrorRecord(new ArgumentException($"Cannot import a {input.GetType().Name}: pipe job objects (Get-EcodJobStatus), partition results " +
                    "(Invoke-EcodPartition, Get-EcodPartition) or partition files"), "EcodUnsupportedInput", ErrorCategory.InvalidType, input);
                return null;
        }
    }
}
