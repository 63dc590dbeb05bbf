using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Communication.Rules;
using Preau.Platform.Authorization;

namespace Preau.Communication.Abuse;

/// <summary>
/// The brakes on sending (issue 4, item 7; in March 2024 hijacked accounts of school platforms sent
/// threats to hundreds of schools): a suspended account sends nothing, every account has an hourly
/// quota per profile, and a mass message from an account that never sends to many waits for review.
/// </summary>
internal sealed class SendingGuard(CommunicationDbContext db, TerritoryRules rules, IStringLocalizer localizer, TimeProvider clock)
{
    /// <summary>Why the account may not send now, or null.</summary>
    public async Task<string?> RefusalAsync(Guid accountId, Profile profiles, CancellationToken cancellationToken)
    {
        if (await IsSuspendedAsync(accountId, cancellationToken))
        {
            return localizer["L’envoi de messages est suspendu pour votre compte. Adressez-vous à la direction de l’école ou à l’administration du territoire."];
        }

        var quota = (await rules.SettingsAsync(cancellationToken)).QuotaFor(profiles);
        if (await SentInLastHourAsync(accountId, cancellationToken) >= quota)
        {
            return localizer["Vous avez atteint la limite de {0} messages par heure. Votre message est conservé dans vos brouillons : réessayez un peu plus tard.", quota];
        }

        return null;
    }

    public Task<bool> IsSuspendedAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.SendingSuspensions.AnyAsync(s => s.AccountId == accountId && s.LiftedAt == null, cancellationToken);

    /// <summary>Messages sent or submitted in the last hour (a rejected mass message still counts).</summary>
    public Task<int> SentInLastHourAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        return db.Messages.CountAsync(m => m.AuthorId == accountId && m.SentAt > since, cancellationToken);
    }

    /// <summary>
    /// Whether a message to <paramref name="recipientCount"/> people must wait for a head's review: more
    /// than the territory's threshold, from an account that has never had such a message delivered.
    /// </summary>
    public async Task<bool> MustHoldAsync(Guid accountId, int recipientCount, CancellationToken cancellationToken)
    {
        var threshold = (await rules.SettingsAsync(cancellationToken)).MassSendingThreshold;
        if (recipientCount <= threshold)
        {
            return false;
        }

        var usuallySendsToMany = await db.Messages.AnyAsync(m => m.AuthorId == accountId && m.Status == MessageStatus.Sent && m.RecipientCount > threshold, cancellationToken);
        return !usuallySendsToMany;
    }
}

/// <summary>Writes the safety log in the caller's unit of work (saved with the change it describes).</summary>
internal sealed class SafetyLog(CommunicationDbContext db, TimeProvider clock)
{
    public void Record(SafetyAction action, Guid actorId, string summary, Guid? subjectAccountId = null, Guid? messageId = null, Guid? schoolId = null) =>
        db.SafetyLog.Add(new SafetyLogEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            ActorId = actorId,
            SubjectAccountId = subjectAccountId,
            MessageId = messageId,
            SchoolId = schoolId,
            Summary = summary.Length > 500 ? summary[..500] : summary,
        });
}
