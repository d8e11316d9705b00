namespace EcodMini.Core.Slurm;

/// <summary>Reads the job id from <c>sbatch --parsable</c>: exactly <c>id</c> or <c>id;cluster</c>, anything else is an error.</summary>
public static class SbatchParser
{
    /// <summary>The job id; throws <see cref="FormatException"/> (quoting both streams) when stdout is not <c>id[;cluster]</c>.</summary>
    public static string ParseJobId(string standardOutput, string standardError)
    {
        var lines = standardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 1)
        {
            var id = lines[0].Split(';', 2)[0];
            if (SlurmJobIdParser.IsJobNumber(id)) return id;
        }
        throw new FormatException($"sbatch --parsable printed no job id (stdout: '{standardOutput.Trim()}', stderr: '{standardError.Trim()}')");
    }
}
