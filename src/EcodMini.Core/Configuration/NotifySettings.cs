namespace EcodMini.Core.Configuration;

/// <summary>
/// The <c>notify:</c> section: where a message goes when a run finishes, when it fails and when an alert turns on.
/// Nothing is sent when neither a webhook nor an email is configured.
/// </summary>
public sealed record NotifySettings
{
    /// <summary>An http(s) URL that receives a JSON POST (with a Slack-compatible <c>text</c> field); null: no webhook.</summary>
    public string? WebhookUrl { get; init; }
    /// <summary>Seconds a webhook POST or an SMTP exchange may take.</summary>
    public int Timeout { get; init; } = 10;
    /// <summary>The <c>notify.email</c> subsection; null: no email.</summary>
    public EmailSettings? Email { get; init; }

    public bool Enabled => WebhookUrl is not null || Email is not null;

    internal static NotifySettings Read(YamlSectionReader n, NotifySettings d, List<string> errors)
    {
        var settings = new NotifySettings
        {
            WebhookUrl = n.OptionalString("webhook_url", d.WebhookUrl),
            Timeout = n.Int("timeout", d.Timeout),
            Email = EmailSettings.Read(n.Nested("email"), d.Email),
        };
        n.ReportUnknownKeys();
        if (settings.WebhookUrl is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"notify.webhook_url: expected an http:// or https:// URL, got '{url}'");
        if (settings.Timeout is < 1 or > 300) errors.Add($"notify.timeout: expected 1-300 seconds, got {settings.Timeout}");
        if (settings.Email is { } email) errors.AddRange(email.Problems());
        return settings;
    }
}
