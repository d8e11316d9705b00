using EcodMini.Core.Provenance;
using Microsoft.Data.Sqlite;

namespace EcodMini.Core.Tracking;

/// <summary>Provenance: what each attempt ran with (attempt_inputs), and the latest completed attempt's per chain.</summary>
public sealed partial class TrackingDatabase
{
    /// <summary>Records (or replaces) the inputs of started attempts, in one transaction.</summary>
    public void RecordAttemptInputs(IReadOnlyList<(long AttemptId, InputFingerprint Inputs, int? SequenceLength)> attempts)
    {
        if (attempts.Count > 0) Write(transaction => RecordAttemptInputsIn(transaction, attempts));
    }

    private void RecordAttemptInputsIn(SqliteTransaction transaction, IReadOnlyList<(long AttemptId, InputFingerprint Inputs, int? SequenceLength)> attempts)
    {
        using var insert = Command("""
            INSERT OR REPLACE INTO attempt_inputs (attempt_id, summary_sha256, summary_size, summary_mtime, summary_inode,
                blast_path, blast_sha256, blast_size, blast_mtime, blast_inode, reference_hash, algorithm_version, options_hash, sequence_length)
            VALUES ($a, $s, $ss, $sm, $si, $bp, $b, $bs, $bm, $bi, $r, $v, $o, $len);
            """, transaction);
        foreach (var (attemptId, f, length) in attempts)
        {
            insert.Set("$a", attemptId);
            insert.Set("$s", f.SummarySha256);
            insert.Set("$ss", f.SummaryStamp?.Size);
            insert.Set("$sm", f.SummaryStamp?.ModifiedTicks);
            insert.Set("$si", f.SummaryStamp?.Inode);
            insert.Set("$bp", f.BlastPath);
            insert.Set("$b", f.BlastSha256);
            insert.Set("$bs", f.BlastStamp?.Size);
            insert.Set("$bm", f.BlastStamp?.ModifiedTicks);
            insert.Set("$bi", f.BlastStamp?.Inode);
            insert.Set("$r", f.ReferenceHash);
            insert.Set("$v", f.AlgorithmVersion);
            insert.Set("$o", f.OptionsHash);
            insert.Set("$len", length);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The inputs recorded for one attempt, or null.</summary>
    public InputFingerprint? GetAttemptInputs(long attemptId)
    {
        using var command = Command($"SELECT {InputColumns} FROM attempt_inputs ai WHERE ai.attempt_id = $a;");
        command.Set("$a", attemptId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadInputs(reader, 0) : null;
    }

    /// <summary>
    /// Per (protein, batch) of every completed job: the inputs its current (completed) attempt recorded. Jobs completed
    /// before inputs were recorded are absent.
    /// </summary>
    public IReadOnlyDictionary<(string ProteinId, string BatchName), InputFingerprint> GetCompletedInputs()
    {
        using var command = Command($"""
            SELECT j.protein_id, j.batch_name, {InputColumns}
            FROM jobs j JOIN attempt_inputs ai ON ai.attempt_id = j.current_attempt_id WHERE j.status = 'completed';
            """);
        var map = new Dictionary<(string, string), InputFingerprint>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) map[(reader.GetString(0), reader.GetString(1))] = ReadInputs(reader, 2);
        return map;
    }

    private const string InputColumns = """
        ai.summary_sha256, ai.summary_size, ai.summary_mtime, ai.summary_inode, ai.blast_path, ai.blast_sha256,
        ai.blast_size, ai.blast_mtime, ai.blast_inode, ai.reference_hash, ai.algorithm_version, ai.options_hash
        """;

    private static InputFingerprint ReadInputs(SqliteDataReader r, int at) => new()
    {
        SummarySha256 = r.GetString(at),
        SummaryStamp = Stamp(r, at + 1),
        BlastPath = r.GetStringOrNull(at + 4),
        BlastSha256 = r.GetStringOrNull(at + 5),
        BlastStamp = Stamp(r, at + 6),
        ReferenceHash = r.GetString(at + 9),
        AlgorithmVersion = r.GetString(at + 10),
        OptionsHash = r.GetString(at + 11),
    };

    private static FileStamp? Stamp(SqliteDataReader r, int at) =>
        r.IsDBNull(at) || r.IsDBNull(at + 1) ? null : new FileStamp(r.GetInt64(at), r.GetInt64(at + 1), r.IsDBNull(at + 2) ? 0 : r.GetInt64(at + 2));
}
