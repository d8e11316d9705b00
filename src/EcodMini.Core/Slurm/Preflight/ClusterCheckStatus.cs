namespace EcodMini.Core.Slurm.Preflight;

/// <summary>How one cluster check came out: Warning means the run can go on, with the limitation the detail names.</summary>
public enum ClusterCheckStatus
{
    Passed,
    Warning,
    Failed,
}
