using System.Globalization;
using System.Text;

namespace EcodMini.Core.Slurm;

/// <summary>
/// Builds a worker job script from a <see cref="JobScriptRequest"/>: #SBATCH directives for the job name, partition,
/// time, memory, cpus, array and per-task logs, then (after the optional environment script) one <c>exec</c> of
/// the head node's pwsh importing exactly the run's pinned module and running <c>Invoke-EcodPartition -ManifestPath</c>. Every value is validated by
/// <see cref="JobScriptValues"/> and single-quoted; an unsafe value throws <see cref="UnsafeJobValueException"/>
/// before anything is written. Pure and thread-safe.
/// </summary>
public static class JobScriptWriter
{
    /// <summary>The SIGUSR1 number on Linux; <c>--signal=B:USR1@N</c> sends it to the batch shell (our exec'd pwsh).</summary>
    public const string WarningSignal = "USR1";

    public static string Build(JobScriptRequest r)
    {
        var name = JobScriptValues.Name("job name", r.JobName);
        var partition = r.Partition is null ? null : JobScriptValues.Partition("slurm.partition", r.Partition);
        var time = JobScriptValues.Time("slurm.time", r.Time);
        var memory = JobScriptValues.Memory("slurm.memory", r.Memory);
        if (r.CpusPerTask < 1) throw new UnsafeJobValueException("slurm.cpus_per_task", r.CpusPerTask.ToString(CultureInfo.InvariantCulture), "a whole number of at least 1");
        if (r.MaxConcurrent < 1) throw new UnsafeJobValueException("slurm.max_concurrent_jobs", r.MaxConcurrent.ToString(CultureInfo.InvariantCulture), "a whole number of at least 1");
        var logs = JobScriptValues.Path("log directory", r.LogDirectory.TrimEnd('/'));
        var workDir = JobScriptValues.Path("working directory", r.WorkingDirectory.TrimEnd('/'));
        if (r.WorkerProgram.Count == 0) throw new UnsafeJobValueException("worker program", "", "the absolute path of pwsh");
        var program = r.WorkerProgram.Select(p => JobScriptValues.Quote(JobScriptValues.Path("worker program", p)));
        var import = WorkerModules.WorkerModuleImport.Statements(r.Module);
        var manifest = JobScriptValues.Path("manifest path", r.ManifestPath);
        var setup = r.EnvSetupScript is null ? null : JobScriptValues.Path("slurm.env_setup_script", r.EnvSetupScript);

        var logName = r.ArrayCount is null ? $"{name}_%j" : $"{name}_%A_%a";
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append("# EcodMini worker job: runs one chunk of chains with Invoke-EcodPartition. Every value below was validated.\n");
        Directive(s, "job-name", JobScriptValues.Quote(name));
        if (partition is not null) Directive(s, "partition", JobScriptValues.Quote(partition));
        Directive(s, "time", JobScriptValues.Quote(time));
        Directive(s, "mem", JobScriptValues.Quote(memory));
        Directive(s, "cpus-per-task", r.CpusPerTask.ToString(CultureInfo.InvariantCulture));
        if (r.ArrayCount is { } count)
        {
            if (count < 1) throw new UnsafeJobValueException("array size", count.ToString(CultureInfo.InvariantCulture), "at least 1 task");
            Directive(s, "array", $"0-{count - 1}%{Math.Min(r.MaxConcurrent, count)}");
        }
        if (r.WarningSeconds > 0)
            Directive(s, "signal", JobScriptValues.Quote($"B:{WarningSignal}@{r.WarningSeconds.ToString(CultureInfo.InvariantCulture)}"));
        Directive(s, "output", JobScriptValues.Quote($"{logs}/{logName}.out"));
        Directive(s, "error", JobScriptValues.Quote($"{logs}/{logName}.err"));
        Directive(s, "open-mode", "append");
        if (r.Export is not null) Directive(s, "export", JobScriptValues.VariableList("slurm.export_variables", r.Export));
        Directive(s, "chdir", JobScriptValues.Quote(workDir));
        s.Append('\n');
        if (setup is not null) s.Append("source ").Append(JobScriptValues.Quote(setup)).Append('\n');
        s.Append("exec ").Append(string.Join(' ', program))
            .Append(" -NoProfile -NonInteractive -Command ")
            .Append(JobScriptValues.Quote($"{import}; Invoke-EcodPartition -ManifestPath \"{manifest}\" -ErrorAction Stop"))
            .Append('\n');
        return s.ToString();
    }

    /// <summary>Writes the script atomically (temporary file, rename) with mode 0755 and returns its path.</summary>
    public static string Write(string path, JobScriptRequest request)
    {
        var text = Build(request);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private static void Directive(StringBuilder s, string option, string value) =>
        s.Append("#SBATCH --").Append(option).Append('=').Append(value).Append('\n');
}
