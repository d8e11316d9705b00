using System.Net;
using System.Net.Mail;
using EcodMini.Core.Configuration;

namespace EcodMini.Core.Notifications;

/// <summary>
/// Sends a notification as a plain-text email through the configured SMTP server (login only when a user is set; its
/// password from the environment variable the settings name, never shown). Never throws for delivery problems.
/// </summary>
public sealed class EmailSender(EmailSettings settings, TimeSpan timeout, Func<string, string?>? environment = null)
{
    public string Target { get; } = $"smtp://{settings.SmtpHost}:{settings.SmtpPort} to {string.Join(", ", settings.To)}";

    public NotificationDelivery Send(RunNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
            {
                EnableSsl = settings.Tls,
                Timeout = (int)timeout.TotalMilliseconds,
                DeliveryMethod = SmtpDeliveryMethod.Network,
            };
            if (settings.User is { } user)
            {
                var password = settings.ResolvePassword(environment)
                    ?? throw new InvalidOperationException($"the environment variable {settings.PasswordEnv} (notify.email.password_env) is not set");
                client.Credentials = new NetworkCredential(user, password);
            }
            using var message = new MailMessage { From = new MailAddress(settings.From), Subject = notification.Subject, Body = notification.Text };
            foreach (var to in settings.To) message.To.Add(new MailAddress(to));
            client.SendMailAsync(message, cancellationToken).GetAwaiter().GetResult();
            return new("email", Target, notification.Event, true, null);
        }
        catch (Exception ex) when (ex is SmtpException or InvalidOperationException or FormatException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return new("email", Target, notification.Event, false, ex.InnerException is { } inner ? $"{ex.Message} ({inner.Message})" : ex.Message);
        }
    }
}
