using EcodMini.Core.Pipeline;

namespace EcodMini.Core.Tracking;

public sealed partial class TrackingDatabase
{
    /// <summary>
    /// The chain-BLAST warnings (missing, unusable or unreadable raw chain BLAST file; the message names the file) of the
    /// results one run recorded: (protein, message), in recording order. The chains still completed; the run's
    /// caller shows these as warnings.
    /// </summary>
    public IReadOnlyList<(string ProteinId, string Message)> GetChainBlastWarnings(string runId)
    {
        using var command = Command("""
            SELECT q.protein_id, q.message FROM quality_flags q
            JOIN results r ON r.id = q.result_ref JOIN attempts a ON a.id = r.attempt_id
            WHERE a.run_id = $run AND q.flag_type IN ($missing, $unusable, $notFound) ORDER BY q.id;
            """);
        command.Set("$run", runId);
        command.Set("$missing", ChainBlastFlags.Missing);
        command.Set("$unusable", ChainBlastFlags.Unusable);
        command.Set("$notFound", ChainBlastFlags.NotFound);
        var warnings = new List<(string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) warnings.Add((reader.GetString(0), reader.GetStringOrNull(1) ?? ""));
        return warnings;
    }
}
