using System.Diagnostics;
using System.Globalization;
using EcodMini.Core.Algorithm;
using EcodMini.Core.Configuration;
using EcodMini.Core.Database;
using EcodMini.Core.Inputs;
using EcodMini.Core.Model;
using EcodMini.Core.Monitoring;
using EcodMini.Core.Pipeline;
using EcodMini.Synthetic;
using EcodMini.Core.Tracking;
using EcodMini.Bench.Import;
using Npgsql;

// Usage: [count=40000] [--row-count N (default 5000; 0 skips the row-by-row baseline)] [--batch-size N (default 2000, the import's default)] [--seed N]
// Server from ECOD_TEST_PG_HOST/PORT/USER/DATABASE and the password in ECOD_TEST_PG_PASSWORD (bench/import starts it).
var count = 40_000;
var rowCount = 5_000;
var batchSize = ImportOptions.DefaultBatchSize;
var seed = 1UL;
string? data = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--row-count") rowCount = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--batch-size") batchSize = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--seed") seed = ulong.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--data") data = args[++i];
    else count = int.Parse(args[i], CultureInfo.InvariantCulture);
}
string Env(string name) => Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"{name} is not set: run bench/import (it starts the server)");
var server = new DatabaseSettings
{
    Host = Env("ECOD_TEST_PG_HOST"), Port = int.Parse(Env("ECOD_TEST_PG_PORT"), CultureInfo.InvariantCulture), User = Env("ECOD_TEST_PG_USER"),
    Database = Env("ECOD_TEST_PG_DATABASE"), PasswordEnv = "ECOD_TEST_PG_PASSWORD", SslMode = "disable",
};
NpgsqlConnection OpenAdmin()
{
    var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder { Host = server.Host, Port = server.Port, Username = server.User, Password = server.ResolvePassword(), Database = server.Database, Pooling = false }.ConnectionString);
    admin.Open();
    return admin;
}
static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

// --data DIR keeps the generated and partitioned chains in DIR and reuses them on the next run (same count and seed).
var root = data ?? Path.Combine(Path.GetTempPath(), $"ecod-import-bench-{Environment.ProcessId}");
var reuse = data is not null && File.Exists(Path.Combine(data, "partitioned.txt"));
var databases = new List<string>();
try
{
    string[] outputs;
    if (reuse)
    {
        outputs = File.ReadAllLines(Path.Combine(root, "partitioned.txt"));
        Console.WriteLine($"== reusing {outputs.Length:N0} partitioned chains in {root}");
    }
    else
    {
        Console.WriteLine($"== generate and partition {count:N0} chains (not timed as import)");
        var info = SyntheticBatchGenerator.Generate(root, new SyntheticBatchOptions { ProteinCount = count, Seed = seed, BatchCount = Math.Max(1, Math.Min(10, count / 1000)) });
        var runner = new ChainPartitionRunner(ReferenceData.Load(Path.Combine(root, SyntheticBatchGenerator.ReferenceFolder)), new PartitionOptions());
        var summaries = Directory.EnumerateFiles(root, "*" + BatchLayout.SummarySuffix, SearchOption.AllDirectories).Where(p => BatchLayout.BatchDirectoryOf(p) is not null).Order(StringComparer.Ordinal).ToArray();
        outputs = new string[summaries.Length];
        Parallel.For(0, summaries.Length, i =>
        {
            BatchLayout.TryGetProteinId(summaries[i], out var id);
            outputs[i] = BatchLayout.DefaultOutputPath(summaries[i], id)!;
            runner.Run(new PartitionRequest(summaries[i], BatchLayout.DefaultBlastPath(summaries[i], id), outputs[i], Path.GetFileName(BatchLayout.BatchDirectoryOf(summaries[i]))));
        });
        if (data is not null) File.WriteAllLines(Path.Combine(root, "partitioned.txt"), outputs);
    }
    Console.WriteLine(F($"partition files   : {outputs.Length:N0}"));

    string NewDatabase()
    {
        var name = "ecodmini_bench_" + Guid.NewGuid().ToString("N")[..10];
        using var admin = OpenAdmin();
        using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        create.ExecuteNonQuery();
        databases.Add(name);
        return name;
    }

    // Staged binary COPY through the engine (tracker ledger included, as Import-EcodResult runs it).
    var copyDb = server with { Database = NewDatabase() };
    using (var connector = new PostgresConnector(copyDb))
    using (var tracker = TrackingDatabase.Open(Path.Combine(root, "tracking.db")))
    {
        await DatabaseInitializer.InitializeAsync(connector, copyDb.EvidenceTable);
        var candidates = outputs.Select(p => new ImportCandidate { Path = p }).ToList();
        var importer = new PartitionImporter(connector, new ImportOptions { QualityFilter = QualityFilter.All, BatchSize = batchSize }, tracker);
        var cpu = CpuMeter.Now();
        var clock = Stopwatch.StartNew();
        var summary = await importer.ImportAsync(candidates);
        var seconds = clock.Elapsed.TotalSeconds;
        var importCpu = CpuMeter.Now();
        Console.WriteLine($"== COPY path (PartitionImporter, {batchSize} chains per transaction)");
        Console.WriteLine(F($"chains imported   : {summary.Imported:N0} ({summary.Failed} failed)"));
        Console.WriteLine(F($"domains           : {summary.Domains:N0} (+ {summary.EvidenceRows:N0} evidence rows)"));
        Console.WriteLine(F($"seconds           : {seconds:F2}  (goal < 60 s for 40,000 chains)"));
        Console.WriteLine(F($"proteins/second   : {summary.Imported / seconds:N0}"));
        Console.WriteLine(F($"domains/second    : {summary.Domains / seconds:N0}"));
        Console.WriteLine(F($"CPU seconds       : client {importCpu.Client - cpu.Client:F1}, postgres {importCpu.Server - cpu.Server:F1}"));

        // The physical limit: the same rows into the same tables by one psql \copy session, in this run.
        var psqlDb = server with { Database = NewDatabase() };
        using (var psqlConnector = new PostgresConnector(psqlDb)) await DatabaseInitializer.InitializeAsync(psqlConnector, psqlDb.EvidenceTable);
        PsqlCopyBaseline.Result limit;
        await using (var source = await connector.OpenAsync())
        {
            var files = await PsqlCopyBaseline.ExportAsync(source, copyDb.EvidenceTable, Path.Combine(root, "psql-copy"));
            cpu = CpuMeter.Now();
            limit = PsqlCopyBaseline.Load(server, psqlDb.Database, files, Path.Combine(root, "psql-copy"));
            importCpu = CpuMeter.Now();
        }
        Console.WriteLine("== physical limit: one psql \\copy session (text format), the rows the import wrote, same tables, fresh database");
        foreach (var (table, n) in limit.Tables) Console.WriteLine(F($"  {table,-36}: {n:N0} rows"));
        Console.WriteLine(F($"rows              : {limit.Rows:N0}"));
        Console.WriteLine(F($"seconds           : {limit.Seconds:F2}"));
        Console.WriteLine(F($"CPU seconds       : postgres {importCpu.Server - cpu.Server:F1} (psql itself not counted)"));
        Console.WriteLine(F($"== import / psql \\copy (wall time): {seconds:F2} s / {limit.Seconds:F2} s = {seconds / limit.Seconds:F2}x  (goal <= 2x)"));
        if (rowCount <= 0) return;

        // Row-by-row INSERT baseline on the first rowCount chains, same rows.
        var rowDb = server with { Database = NewDatabase() };
        using var rowConnector = new PostgresConnector(rowDb);
        await DatabaseInitializer.InitializeAsync(rowConnector, rowDb.EvidenceTable);
        var chains = ChainLoader.LoadAll(candidates.Take(Math.Min(rowCount, candidates.Count)).ToList(), QualityThresholds.Default, BatchLayout.DefaultReferenceVersion, CancellationToken.None);
        await using var connection = await rowConnector.OpenAsync();
        var rowClock = Stopwatch.StartNew();
        var (proteins, domains) = RowByRowImporter.Import(connection, chains, ImportOptions.DefaultProcessVersion, BatchLayout.DefaultReferenceVersion);
        var rowSeconds = rowClock.Elapsed.TotalSeconds;
        Console.WriteLine($"== row-by-row INSERT (one statement per row, one transaction per chain; first {proteins:N0} chains, files read beforehand)");
        Console.WriteLine(F($"chains imported   : {proteins:N0}"));
        Console.WriteLine(F($"domains           : {domains:N0}"));
        Console.WriteLine(F($"seconds           : {rowSeconds:F2}"));
        Console.WriteLine(F($"proteins/second   : {proteins / rowSeconds:N0}"));
        Console.WriteLine(F($"domains/second    : {domains / rowSeconds:N0}"));
        Console.WriteLine(F($"== COPY / row-by-row (proteins/second): {summary.Imported / seconds / (proteins / rowSeconds):F1}x"));
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    if (databases.Count > 0)
    {
        using var admin = OpenAdmin();
        foreach (var name in databases)
        {
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
    }
    if (data is null && Directory.Exists(root)) Directory.Delete(root, recursive: true);
    else if (data is not null)
    {
        File.Delete(Path.Combine(root, "tracking.db"));
        if (Directory.Exists(Path.Combine(root, "psql-copy"))) Directory.Delete(Path.Combine(root, "psql-copy"), recursive: true);
    }
}
