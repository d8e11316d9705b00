namespace EcodMini.Core.Tracking;

/// <summary>
/// The lease holder's heartbeat on a background thread with its own connection, independent of the work: it beats
/// during submission, sbatch/sacct retries, polling and waits. It stops when disposed (on release) or when it finds
/// the lease taken over (then the holder's next write stops with LeaseLost). A failed beat (a busy database) is
/// tried again at the next interval.
/// </summary>
internal sealed class LeaseHeartbeat : IDisposable
{
    private readonly TrackingDatabase _database;
    private readonly TrackerLease _lease;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    private LeaseHeartbeat(TrackingDatabase database, TrackerLease lease, TimeSpan interval)
    {
        _database = database;
        _lease = lease;
        _interval = interval;
        _thread = new Thread(Beat) { IsBackground = true, Name = "EcodMini lease heartbeat" };
    }

    /// <summary>The error that stopped the heartbeat (the lease was taken over), or null while it beats.</summary>
    public TrackingDatabaseException? Lost { get; private set; }

    public static LeaseHeartbeat Start(string path, TrackingOpenOptions options, TrackerLease lease, TimeSpan interval)
    {
        var database = TrackingDatabase.Open(path, options with { ReadOnly = false });
        database.Adopt(lease);
        var heartbeat = new LeaseHeartbeat(database, lease, interval);
        heartbeat._thread.Start();
        return heartbeat;
    }

    private void Beat()
    {
        while (!_stop.Token.WaitHandle.WaitOne(_interval))
        {
            try { _database.RenewLease(_lease.RunId); }
            catch (TrackingDatabaseException ex) when (ex.Problem == TrackingProblem.LeaseLost)
            {
                Lost = ex;
                return;
            }
            // Locked out past the busy timeout, or a passing I/O error: the next beat tries again.
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException
                                       || ex is TrackingDatabaseException { Problem: TrackingProblem.Locked }) { }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _database.Dispose();
        _stop.Dispose();
    }
}
