using System.Diagnostics;
using EcodMini.Core.Configuration;
using EcodMini.Core.Database;
using Npgsql;

namespace EcodMini.Bench.Import;

/// <summary>
/// The physical limit the import is measured against: the rows the import wrote, exported table by table (COPY TO, text
/// format, not timed), then loaded into the same tables of a freshly initialized database by one psql session running
/// one <c>\copy ... FROM</c> per table (timed from psql's start to its exit, connection included).
/// </summary>
internal static class PsqlCopyBaseline
{
    public sealed record Result(double Seconds, long Rows, IReadOnlyList<(string Table, long Rows)> Tables);

    /// <summary>Exports every non-empty production table of <paramref name="source"/> into <paramref name="folder"/>.</summary>
    public static async Task<IReadOnlyList<(string Table, string File, long Rows)>> ExportAsync(NpgsqlConnection source, string evidenceTable, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<(string, string, long)>();
        foreach (var table in ProductionTables.All(evidenceTable))
        {
            var name = $"{table.Schema}.{table.Name}";
            var file = Path.Combine(folder, name + ".tsv");
            long rows = 0;
            using (var reader = await source.BeginTextExportAsync($"COPY {name} TO STDOUT"))
            await using (var writer = new StreamWriter(file))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = await reader.ReadAsync(buffer)) > 0)
                {
                    await writer.WriteAsync(buffer.AsMemory(0, read));
                    for (var i = 0; i < read; i++) if (buffer[i] == '\n') rows++;
                }
            }
            if (rows > 0) files.Add((name, file, rows));
            else File.Delete(file);
        }
        return files;
    }

    /// <summary>Loads the exported files into <paramref name="database"/> with one psql session; returns its wall time.</summary>
    public static Result Load(DatabaseSettings server, string database, IReadOnlyList<(string Table, string File, long Rows)> files, string folder)
    {
        var script = Path.Combine(folder, "load.sql");
        File.WriteAllLines(script, files.Select(f => $"\\copy {f.Table} FROM '{f.File.Replace("'", "''")}'"));
        var start = new ProcessStartInfo("psql")
        {
            ArgumentList = { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.Host, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                             "-U", server.User, "-d", database, "-f", script },
            RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["PGPASSWORD"] = server.ResolvePassword();
        var clock = Stopwatch.StartNew();
        using var psql = Process.Start(start) ?? throw new InvalidOperationException("psql did not start");
        var errors = psql.StandardError.ReadToEnd();
        psql.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (psql.ExitCode != 0) throw new InvalidOperationException($"psql \\copy failed (exit {psql.ExitCode}): {errors}");
        return new Result(seconds, files.Sum(f => f.Rows), [.. files.Select(f => (f.Table, f.Rows))]);
    }
}
