using System.Diagnostics;

namespace EcodMini.Core.Tests.Tracking;

/// <summary>Makes a hot rollback journal the real way: an sqlite3 shell writer killed with SIGKILL mid-transaction.</summary>
internal static class HotJournal
{
    /// <summary>
    /// Starts sqlite3 on the file with a one-page cache (so changed pages spill into the database file before commit),
    /// runs <paramref name="change"/> and inserts filler rows inside one open transaction, then kills it (-9) while
    /// the transaction is open: the file holds half a transaction and the -journal beside it is hot.
    /// </summary>
    public static void LeaveByKilledWriter(string path, string change)
    {
        var script = $"""
            PRAGMA journal_mode = DELETE;
            PRAGMA cache_size = 1;
            BEGIN IMMEDIATE;
            {change}
            CREATE TABLE filler (x BLOB);
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT randomblob(900) FROM n;
            .shell touch '{path}.ready'
            .shell sleep 60
            COMMIT;
            """;
        var start = new ProcessStartInfo("sqlite3", [path]) { RedirectStandardInput = true, UseShellExecute = false };
        using var shell = Process.Start(start)!;
        shell.StandardInput.Write(script);
        shell.StandardInput.Flush();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(path + ".ready"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60) && !shell.HasExited, "the sqlite3 writer never reached its open transaction");
            Thread.Sleep(50);
        }
        shell.Kill(entireProcessTree: true); // SIGKILL: no rollback, no cleanup
        File.Delete(path + ".ready");
        shell.WaitForExit();
    }
}
