namespace EcodMini.Core.Configuration;

/// <summary>
/// The <c>notify.email</c> subsection: an SMTP server and the addresses. The password is never written in the file:
/// <see cref="PasswordEnv"/> names the environment variable that holds it (no variable named: no login).
/// </summary>
public sealed record EmailSettings
{
    public string SmtpHost { get; init; } = "localhost";
    public int SmtpPort { get; init; } = 25;
    /// <summary>true: STARTTLS before sending (the server must offer it).</summary>
    public bool Tls { get; init; }
    public string From { get; init; } = "";
    public IReadOnlyList<string> To { get; init; } = [];
    /// <summary>The login name; null: no login.</summary>
    public string? User { get; init; }
    /// <summary>The name of the environment variable holding the password (never the password itself).</summary>
    public string? PasswordEnv { get; init; }

    /// <summary>The password from <see cref="PasswordEnv"/>, or null when no variable is named or it is empty.</summary>
    public string? ResolvePassword(Func<string, string?>? environment = null) =>
        PasswordEnv is { Length: > 0 } name && (environment ?? Environment.GetEnvironmentVariable)(name) is { Length: > 0 } value ? value : null;

    internal IEnumerable<string> Problems()
    {
        if (SmtpPort is < 1 or > 65535) yield return $"notify.email.smtp_port: expected 1-65535, got {SmtpPort}";
        if (!IsAddress(From)) yield return $"notify.email.from: expected an email address, got '{From}'";
        if (To.Count == 0) yield return "notify.email.to: expected at least one email address";
        foreach (var to in To.Where(t => !IsAddress(t))) yield return $"notify.email.to: '{to}' is not an email address";
        if (User is not null && PasswordEnv is null) yield return "notify.email.password_env: a user needs the name of the environment variable holding its password";
    }

    /// <summary>Reads the subsection; null when it is absent (no email).</summary>
    internal static EmailSettings? Read(YamlSectionReader e, EmailSettings? d)
    {
        var fallback = d ?? new EmailSettings();
        var settings = new EmailSettings
        {
            SmtpHost = e.String("smtp_host", fallback.SmtpHost),
            SmtpPort = e.Int("smtp_port", fallback.SmtpPort),
            Tls = e.Bool("tls", fallback.Tls),
            From = e.String("from", fallback.From),
            To = e.OptionalString("to", null) is { } to
                ? to.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : fallback.To,
            User = e.OptionalString("user", fallback.User),
            PasswordEnv = e.OptionalString("password_env", fallback.PasswordEnv),
        };
        e.ReportUnknownKeys();
        return e.Present ? settings : d;
    }

    private static bool IsAddress(string text) =>
        text.Length is > 2 and < 255 && text.IndexOf('@') is > 0 and var at && at < text.Length - 1 && !text.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '\r' or '\n');
}
