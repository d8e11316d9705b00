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
    /// <summary>Seconds the lease holder's heartbeat counter may stand still before another run may take the tracking database over.</summary>
    public int LeaseTimeout { get; init; } = 600;
    /// <summary>Seconds between the lease holder's heartbeats; null = 30 s or a quarter of the lease timeout, whichever is less.</summary>
    public int? HeartbeatInterval { get; init; }

    /// <summary>The heartbeat interval in force (the given one, else 30 s capped at a quarter of the lease timeout).</summary>
    public TimeSpan EffectiveHeartbeat => HeartbeatInterval is { } given
        ? TimeSpan.FromSeconds(given)
        : TimeSpan.FromSeconds(Math.Min(30, LeaseTimeout / 4.0));
    /// <summary>Keep every finished chunk's manifest and result file in work_dir/ingested/ (audit); false keeps only chunks with failures.</summary>
    public bool KeepWorkFiles { get; init; }
}
