using System.Text.Json;
using EcodMini.Core.Algorithm;

namespace EcodMini.Core.Database;

/// <summary>
/// The process_parameters document of a partition_proteins row: the keys the team's v2 validator reads
/// (<c>source_batch_name</c>, <c>import_timestamp</c>), the row's revision (Version strategy keeps the process version and
/// counts revisions here), the run that produced the partition (run, attempt, SLURM job id, from the tracker), what ran the
/// import (host, module version, git commit), the import's options and quality thresholds, and the chain's grade.
/// </summary>
public static class ProcessParameters
{
    public static string Build(LoadedChain chain, ImportOptions options, int revision, DateTime importedAt)
    {
        var r = chain.Result!;
        var attempt = chain.Attempt;
        var slurm = attempt?.Launcher?.Contains("slurm", StringComparison.OrdinalIgnoreCase) == true ? attempt.ExecutorJobId : null;
        var document = new Dictionary<string, object?>
        {
            ["source_batch_name"] = chain.BatchName,
            ["import_timestamp"] = importedAt.ToString("O"),
            ["revision"] = revision,
            ["run_id"] = attempt?.RunId,
            ["attempt_id"] = attempt?.AttemptId,
            ["attempt_number"] = attempt?.AttemptNumber,
            ["launcher"] = attempt?.Launcher,
            ["executor_job_id"] = attempt?.ExecutorJobId,
            ["slurm_job_id"] = slurm,
            ["host"] = options.Provenance.Host,
            ["module_version"] = options.Provenance.ModuleVersion,
            ["git_commit"] = options.Provenance.GitCommit,
            ["algorithm"] = AlgorithmInfo.Name,
            ["algorithm_version"] = string.IsNullOrEmpty(r.AlgorithmVersion) ? null : r.AlgorithmVersion,
            ["options"] = new Dictionary<string, object?>
            {
                ["collision_strategy"] = options.CollisionStrategy.ToString(),
                ["quality_filter"] = options.QualityFilter.ToString(),
                ["reference_version"] = options.ReferenceVersion,
                ["evidence_table"] = options.EvidenceTable,
                ["target"] = options.Target.ToString(),
                ["reference_library"] = options.Reference?.Directory,
            },
            ["thresholds"] = new Dictionary<string, object?>
            {
                ["good_coverage"] = options.QualityThresholds.Good,
                ["min_coverage"] = options.QualityThresholds.Questionable,
                ["min_confidence"] = options.QualityThresholds.MinConfidence,
            },
            ["quality_grade"] = chain.Grade,
            ["quality_flags"] = r.QualityFlags.Select(f => f.FlagType).ToArray(),
            ["input_sha256"] = r.InputSha256,
            ["partition_timestamp"] = r.Timestamp == default ? null : r.Timestamp.ToUniversalTime().ToString("O"),
        };
        return JsonSerializer.Serialize(document);
    }
}
