using EcodMini.Core.Monitoring.Alerts;

namespace EcodMini.Core.Notifications;

/// <summary>
/// Remembers which alerts were on at the previous look, so that only an alert turning on is told (an alert that stays
/// on is not repeated; one that went off and comes back is told again). Alerts are told apart by kind and subject.
/// </summary>
public sealed class AlertTransitions
{
    private HashSet<(AlertKind, string?)> _on = [];

    /// <summary>The alerts of <paramref name="current"/> that were off at the previous call (all of them on the first call).</summary>
    public IReadOnlyList<ProductionAlert> TurnedOn(IReadOnlyList<ProductionAlert> current)
    {
        var now = current.Select(a => (a.Kind, a.Subject)).ToHashSet();
        var raised = current.Where(a => !_on.Contains((a.Kind, a.Subject))).ToList();
        _on = now;
        return raised;
    }
}
