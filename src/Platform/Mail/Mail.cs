using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Preau.Platform.Outbox;

namespace Preau.Platform.Mail;

/// <summary>
/// An e-mail to send. Modules publish it to their outbox so that it leaves only if their change
/// committed, and is retried if the SMTP server is down.
/// </summary>
/// <param name="To">Recipient address.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="TextBody">Plain-text body (always sent: cheap phones and screen readers).</param>
/// <param name="HtmlBody">Optional HTML alternative.</param>
public sealed record EmailRequested(string To, string Subject, string TextBody, string? HtmlBody = null);

/// <summary>The "Mail" configuration section.</summary>
public sealed class MailOptions
{
    /// <summary>SMTP host; when empty, mails are written as .eml files to <see cref="PickupDirectory"/>.</summary>
    public string? Host { get; set; }

    /// <summary>SMTP port.</summary>
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, StartTls or SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>SMTP user, if the server requires authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>SMTP password (environment variable Mail__Password; never in the repository).</summary>
    public string? Password { get; set; }

    /// <summary>Sender address.</summary>
    public string From { get; set; } = "Préau <ne-pas-repondre@preau.localhost>";

    /// <summary>Folder for .eml files when no SMTP host is configured (embedded demo).</summary>
    public string PickupDirectory { get; set; } = "data/mail";
}

/// <summary>Sends e-mails with MailKit.</summary>
public sealed class MailSender(IOptions<MailOptions> options, ILogger<MailSender> logger)
{
    /// <summary>Sends one e-mail now.</summary>
    public async Task SendAsync(EmailRequested mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();

        if (string.IsNullOrEmpty(settings.Host))
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var path = Path.Combine(settings.PickupDirectory, $"{message.MessageId}.eml".Replace('@', '_'));
            await message.WriteToAsync(path, cancellationToken);
            logger.LogInformation("No SMTP server configured: e-mail written to {Path}", path);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Sends the e-mails that modules published.</summary>
internal sealed class SendEmailHandler(MailSender sender) : IOutboxHandler<EmailRequested>
{
    public Task HandleAsync(EmailRequested domainEvent, CancellationToken cancellationToken) => sender.SendAsync(domainEvent, cancellationToken);
}
