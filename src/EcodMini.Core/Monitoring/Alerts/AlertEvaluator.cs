namespace EcodMini.Core.Monitoring.Alerts;

/// <summary>
/// The alert rules: pure functions of <see cref="AlertInputs"/> and <see cref="AlertThresholds"/> (no I/O, no clock),
/// so each rule is tested on both sides of its limit. Alerts come out in a fixed order: critical first, then by kind.
/// </summary>
public static class AlertEvaluator
{
    public static IReadOnlyList<ProductionAlert> Evaluate(AlertInputs inputs, AlertThresholds thresholds)
    {
        var alerts = new List<ProductionAlert>();
        var s = inputs.Statistics;

        var finished = s.Completed + s.Failed;
        if (finished >= thresholds.MinimumSample && finished > 0)
        {
            var rate = (double)s.Failed / finished;
            if (rate > thresholds.MaxFailureRate)
                alerts.Add(new(AlertKind.HighFailureRate, AlertSeverity.Warning, rate, thresholds.MaxFailureRate,
                    Text($"failure rate {Pct(rate, 1)} ({s.Failed} of {finished} finished) is above {Pct(thresholds.MaxFailureRate, 0)}: {s.FailedPermanent} permanent, {s.FailedTransient} transient")));
        }

        var remaining = s.Pending + s.Running;
        if (remaining > 0 && (s.RunStartedAt ?? s.FirstStart) is { } started && inputs.Now - started >= thresholds.ThroughputGrace
            && s.RecentThroughputPerHour < thresholds.MinThroughputPerHour)
        {
            alerts.Add(new(AlertKind.SlowProgress, AlertSeverity.Warning, s.RecentThroughputPerHour, thresholds.MinThroughputPerHour,
                Text($"throughput {s.RecentThroughputPerHour:F0}/h is below {thresholds.MinThroughputPerHour:F0}/h with {remaining} jobs left")));
        }

        if (s.Quality.Total >= thresholds.MinimumSample && s.Quality.PoorFraction > thresholds.MaxPoorFraction)
        {
            alerts.Add(new(AlertKind.LowQuality, AlertSeverity.Warning, s.Quality.PoorFraction, thresholds.MaxPoorFraction,
                Text($"{Pct(s.Quality.PoorFraction, 1)} of completed chains are poor quality ({s.Quality.Poor} of {s.Quality.Total}), above {Pct(thresholds.MaxPoorFraction, 0)}")));
        }

        var endings = Reading.MonitorStatuses.ResourceEndings
            .Select(status => (Key: status, Value: s.CountsByStatus.TryGetValue(status, out var n) ? n : 0))
            .Where(e => e.Value > 0).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var endingCount = endings.Sum(e => e.Value);
        if (endingCount > thresholds.MaxResourceEndings)
        {
            var detail = string.Join(", ", endings.Select(e => $"{e.Value} {e.Key.ToUpperInvariant()}"));
            alerts.Add(new(AlertKind.ResourceExhausted, AlertSeverity.Warning, endingCount, thresholds.MaxResourceEndings,
                Text($"jobs ran out of resources: {detail}; raise the memory or time limit and resubmit them")));
        }

        foreach (var disk in inputs.Disks.Where(d => d.FreeMB < thresholds.MinFreeSpaceMB))
        {
            alerts.Add(new(AlertKind.LowDiskSpace, AlertSeverity.Critical, disk.FreeMB, thresholds.MinFreeSpaceMB,
                Text($"{disk.Path}: only {Size(disk.FreeBytes)} free ({Pct(disk.FreeFraction, 1)}), below {Size((long)(thresholds.MinFreeSpaceMB * 1024 * 1024))}"))
            { Subject = disk.Path });
        }

        if (s.ActiveRun is { } lease && inputs.Now - lease.HeartbeatAt > thresholds.MaxHeartbeatAge)
        {
            var age = inputs.Now - lease.HeartbeatAt;
            alerts.Add(new(AlertKind.StaleLease, AlertSeverity.Critical, age.TotalSeconds, thresholds.MaxHeartbeatAge.TotalSeconds,
                Text($"run {lease.RunId} on {lease.Host} (pid {lease.ProcessId}) has not renewed its lease for {Duration(age)} (limit {Duration(thresholds.MaxHeartbeatAge)}); it may have died"))
            { Subject = lease.Host });
        }

        return alerts.OrderByDescending(a => a.Severity).ThenBy(a => a.Kind).ToList();
    }

    private static string Text(FormattableString text) => MonitorText.Invariant(text);

    private static string Pct(double fraction, int decimals) => MonitorText.Percent(fraction, decimals);

    private static string Size(long bytes) => MonitorText.Size(bytes);

    private static string Duration(TimeSpan span) => MonitorText.Duration(span);
}
