namespace EcodMini.Core.Costs;

/// <summary>
/// Estimates a run: chains go to tasks in the order given, <c>chunkSize</c> per task (a worker runs its chains one after
/// another); the tasks are then placed, in order, on the first of <c>concurrency</c> slots to free up, as a scheduler
/// throttled to that many at once would.
/// </summary>
public static class RunEstimator
{
    /// <summary>The estimate for the tasks a run would start (completed chains that stay as they are left out unless forced).</summary>
    public static RunEstimate ForTasks(IReadOnlyList<Scanning.ProteinTask> tasks, int chunkSize, int concurrency, int cpusPerTask, ChainTimeModel model,
        bool force = false) =>
        Estimate(tasks.Where(t => force || t.WouldRun).DistinctBy(t => (t.ProteinId, t.BatchName)).Select(t => t.SequenceLength).ToList(),
            chunkSize, concurrency, cpusPerTask, model);

    public static RunEstimate Estimate(IReadOnlyList<int?> sequenceLengths, int chunkSize, int concurrency, int cpusPerTask, ChainTimeModel model)
    {
        chunkSize = Math.Max(1, chunkSize);
        concurrency = Math.Max(1, concurrency);
        cpusPerTask = Math.Max(1, cpusPerTask);
        var taskSeconds = sequenceLengths.Chunk(chunkSize).Select(chunk => chunk.Sum(model.SecondsFor)).ToList();
        var slots = new PriorityQueue<int, double>();
        for (var i = 0; i < Math.Min(concurrency, Math.Max(1, taskSeconds.Count)); i++) slots.Enqueue(i, 0);
        var wall = 0.0;
        foreach (var seconds in taskSeconds)
        {
            slots.TryDequeue(out var slot, out var freeAt);
            var end = freeAt + seconds;
            wall = Math.Max(wall, end);
            slots.Enqueue(slot, end);
        }
        return new RunEstimate
        {
            Chains = sequenceLengths.Count, Tasks = taskSeconds.Count, Concurrency = concurrency, CpusPerTask = cpusPerTask,
            CoreHours = taskSeconds.Sum() * cpusPerTask / 3600.0, WallTime = TimeSpan.FromSeconds(wall),
            LongestTask = TimeSpan.FromSeconds(taskSeconds.DefaultIfEmpty(0).Max()), Model = model.Description,
        };
    }
}
