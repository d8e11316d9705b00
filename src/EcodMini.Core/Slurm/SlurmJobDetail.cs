namespace EcodMini.Core.Slurm;

/// <summary>What SLURM says about one job or array task for its log: state, exit code, node, and (scontrol only) its output files.</summary>
public sealed record SlurmJobDetail(string JobId, string StateText, SlurmExitCode? ExitCode, string? Node,
    string? StdoutPath = null, string? StderrPath = null);
