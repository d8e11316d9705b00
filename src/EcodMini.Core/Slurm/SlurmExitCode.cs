namespace EcodMini.Core.Slurm;

/// <summary>SLURM's "exit:signal" pair (sacct ExitCode, scontrol ExitCode): <c>1:0</c> exited 1, <c>0:9</c> killed by signal 9.</summary>
public readonly record struct SlurmExitCode(int Code, int Signal)
{
    public bool IsSuccess => Code == 0 && Signal == 0;

    /// <summary>Parses "1:0"; a missing or malformed value gives null.</summary>
    public static SlurmExitCode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Trim().Split(':');
        if (parts.Length is < 1 or > 2) return null;
        if (!int.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out var code)) return null;
        var signal = 0;
        if (parts.Length == 2 && !int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out signal)) return null;
        return new SlurmExitCode(code, signal);
    }

    public override string ToString() => $"{Code}:{Signal}";
}
