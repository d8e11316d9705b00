using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Scanning;

namespace EcodMini.Core.Execution;

/// <summary>
/// The checks a run makes before it marks anything in the tracker: the reference data loads, the work folder and
/// the log folder and every output folder can be created and written. Throws <see cref="ExecutionPreflightException"/> naming the path.
/// </summary>
public static class ExecutionPreflight
{
    /// <summary>Runs every check; returns the loaded reference data (for the local launcher).</summary>
    public static ReferenceData Check(ExecutionOptions options, IReadOnlyList<ProteinTask> tasks, CancellationToken cancellationToken = default)
    {
        var reference = LoadReference(options.ReferenceDirectory, cancellationToken);
        EnsureWritable(Path.GetFullPath(options.WorkDirectory), PreflightProblem.WorkDirectory, "work folder");
        if (!string.IsNullOrEmpty(options.LogDirectory))
            EnsureWritable(Path.GetFullPath(options.LogDirectory), PreflightProblem.LogDirectory, "log folder (paths.log_dir)");
        foreach (var folder in tasks.Select(t => Path.GetDirectoryName(t.OutputPath)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            EnsureWritable(folder, PreflightProblem.OutputFolder, "output folder");
        }
        return reference;
    }

    public static ReferenceData LoadReference(string? directory, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(directory))
            throw new ExecutionPreflightException(PreflightProblem.ReferenceData, "", "no reference data folder given; set paths.reference_dir in the configuration");
        try
        {
            return ReferenceData.Load(directory, cancellationToken);
        }
        catch (InputFileException ex)
        {
            throw new ExecutionPreflightException(PreflightProblem.ReferenceData, ex.FilePath, $"{ex.Message}; nothing was submitted", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExecutionPreflightException(PreflightProblem.ReferenceData, directory, $"{directory}: reference data cannot be read ({ex.Message}); nothing was submitted", ex);
        }
    }

    /// <summary>Creates the folder when missing and writes (then deletes) a probe file in it.</summary>
    public static void EnsureWritable(string folder, PreflightProblem problem, string what)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".ecodmini-write-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ExecutionPreflightException(problem, folder,
                $"{folder}: the {what} cannot be written ({ex.Message}); give a folder this user may write; nothing was submitted", ex);
        }
    }
}
