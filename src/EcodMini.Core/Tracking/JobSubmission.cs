namespace EcodMini.Core.Tracking;

/// <summary>
/// What the tracker records when a chain is handed to an executor (its inputs too, so it can be resubmitted from the tracker).
/// RunAgain: a scan found its inputs, algorithm version or options changed (or its output missing), so a completed chain runs again.
/// </summary>
public sealed record JobSubmission(
    string ProteinId, string Pdb, string Chain, string BatchName, string? OutputPath,
    string? JobId = null, string? ScriptPath = null, string? OutputLog = null, string? ErrorLog = null,
    string? SummaryPath = null, string? BlastPath = null, bool RunAgain = false);
