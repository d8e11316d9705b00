namespace EcodMini.Core.Tracking;

public sealed partial class TrackingDatabase
{
    /// <summary>The runs with cluster attempts still open (submitted or running on SLURM), newest first.</summary>
    public IReadOnlyList<string> GetOpenClusterRuns()
    {
        using var command = Command("""
            SELECT run_id FROM attempts WHERE launcher = 'slurm' AND status = 'running'
            GROUP BY run_id ORDER BY MAX(id) DESC;
            """);
        var runs = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) runs.Add(reader.GetString(0));
        return runs;
    }
}
