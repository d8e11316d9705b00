using System.Net.Http.Headers;

namespace EcodMini.Core.Notifications;

/// <summary>POSTs a notification's JSON to a webhook URL. Never throws for delivery problems: the delivery says what went wrong.</summary>
public sealed class WebhookSender(HttpClient client, Uri url)
{
    /// <summary>The URL without its path and query (webhook paths often carry a secret token).</summary>
    public string Target { get; } = $"{url.Scheme}://{url.Authority}/...";

    public NotificationDelivery Send(RunNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ByteArrayContent(NotificationJson.Serialize(notification));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = client.PostAsync(url, content, cancellationToken).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode
                ? new("webhook", Target, notification.Event, true, null)
                : new("webhook", Target, notification.Event, false, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new("webhook", Target, notification.Event, false, ex is TaskCanceledException ? "no answer within the timeout" : ex.Message);
        }
    }
}
