using System.Globalization;
using System.Text;

namespace EcodMini.Core.Execution;

/// <summary>
/// The stop requests of one work folder (<c>ecod-stop.list</c> beside the chunk manifests): one tracker attempt id a
/// line. Stop-EcodJob appends to it; every worker reading a manifest of that folder (local thread or SLURM task)
/// re-reads it before each chain and skips a listed attempt with a "cancelled" record. Attempt ids are never reused,
/// so an old request can never stop a later attempt of the same chain. Appends are whole lines; readers ignore a
/// line they cannot parse (one being written).
/// </summary>
public static class StopRequestFile
{
    public const string FileName = "ecod-stop.list";

    /// <summary>The stop file read by the worker of <paramref name="manifestPath"/>.</summary>
    public static string PathFor(string manifestPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? "/", FileName);

    /// <summary>
    /// The marker asking run <paramref name="runId"/> (working in <paramref name="workDirectory"/>) to start no further
    /// chunks (Stop-EcodJob -All while that run owns the tracker). Run ids are never reused, so it never stops another run.
    /// </summary>
    public static string RunStopPath(string workDirectory, string runId) =>
        Path.Combine(workDirectory, $"ecod-stop-run-{Slurm.JobScriptValues.Name("run id", runId)}");

    /// <summary>Appends the attempt ids (one write, flushed to disk).</summary>
    public static void Append(string path, IEnumerable<long> attemptIds)
    {
        var text = new StringBuilder();
        foreach (var id in attemptIds) text.Append(id.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (text.Length == 0) return;
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every attempt id listed so far (empty when the file does not exist).</summary>
    public static IReadOnlySet<long> Read(string path)
    {
        var ids = new HashSet<long>();
        if (!File.Exists(path)) return ids;
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            text = reader.ReadToEnd();
        }
        catch (FileNotFoundException) { return ids; }
        foreach (var line in text.Split('\n'))
            if (long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) ids.Add(id);
        return ids;
    }
}
