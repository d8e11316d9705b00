using EcodMini.Core.Configuration;

namespace EcodMini.Core.Notifications;

/// <summary>
/// Sends a notification to every channel of the <c>notify:</c> settings (webhook, email), one after the other, and
/// returns one delivery per channel. Owns its HTTP client; dispose it. Sends nothing when nothing is configured.
/// </summary>
public sealed class Notifier : IDisposable
{
    private readonly HttpClient _http;
    private readonly WebhookSender? _webhook;
    private readonly EmailSender? _email;

    public Notifier(NotifySettings settings, Func<string, string?>? environment = null)
    {
        var timeout = TimeSpan.FromSeconds(settings.Timeout);
        _http = new HttpClient { Timeout = timeout };
        if (settings.WebhookUrl is { } url) _webhook = new WebhookSender(_http, new Uri(url));
        if (settings.Email is { } email) _email = new EmailSender(email, timeout, environment);
    }

    public bool Enabled => _webhook is not null || _email is not null;

    /// <summary>Where messages go, e.g. "webhook http://host:8080/...", "email smtp://host:25 to a@b".</summary>
    public IEnumerable<string> Channels =>
        new[] { _webhook is null ? null : "webhook " + _webhook.Target, _email is null ? null : "email " + _email.Target }.OfType<string>();

    public IReadOnlyList<NotificationDelivery> Send(RunNotification notification, CancellationToken cancellationToken = default)
    {
        var deliveries = new List<NotificationDelivery>(2);
        if (_webhook is not null) deliveries.Add(_webhook.Send(notification, cancellationToken));
        if (_email is not null) deliveries.Add(_email.Send(notification, cancellationToken));
        return deliveries;
    }

    public void Dispose() => _http.Dispose();
}
