namespace EcodMini.Core.Configuration;

/// <summary>Which executor runs chains and how the local one is sized.</summary>
public sealed record ExecutionSettings
{
    public const string Local = "local";
    public const string Slurm = "slurm";

    /// <summary>local or slurm.</summary>
    public string Executor { get; init; } = Local;
    /// <summary>Local chunks run at once; null = the processor count.</summary>
    public int? ThrottleLimit { get; init; }
    public int ChunkSize { get; init; } = 200;
    /// <summary>Seconds without a heartbeat after which another run may take over the tracking database's lease.</summary>
    public int LeaseTimeout { get; init; } = 120;
    /// <summary>Keep every finished chunk's manifest and result file in work_dir/ingested/ (audit); false keeps only chunks with failures.</summary>
    public bool KeepWorkFiles { get; init; }
}
