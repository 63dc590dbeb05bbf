namespace Preau.Communication.Contracts;

/// <summary>Whether a notification asks the recipient to do something (acknowledge, justify, answer, pay).</summary>
public enum NotificationKind
{
    /// <summary>Pour information.</summary>
    Information,

    /// <summary>Action requise.</summary>
    ActionRequired,
}

/// <summary>
/// Asks the Communication module to notify accounts (in-app, and by e-mail per their preferences).
/// Any module publishes it into its own outbox, in the transaction of the change it reports, so a
/// rolled-back change never notifies and a crash never loses the notification.
/// </summary>
/// <param name="RecipientIds">Accounts to notify (inactive ones are skipped).</param>
/// <param name="Category">Stable category for preferences and filters, e.g. "schoollife.homework".</param>
/// <param name="Kind">Action required, or for information.</param>
/// <param name="TitleTemplate">French title, translated per recipient: "Nouveau devoir en {0}".</param>
/// <param name="TitleArguments">Values of the title's placeholders (names, subjects: never a secret).</param>
/// <param name="Link">Relative link to the item, e.g. "/cahier-de-textes/…".</param>
/// <param name="SchoolId">The school concerned, if any (its calendar may hold notices, see quiet hours).</param>
/// <param name="Urgent">Bypasses quiet hours (a head's urgent message; logged by the sender's module).</param>
/// <param name="Reference">What the notification is about ("message:…"): withdrawing the item withdraws its unsent notices.</param>
/// <param name="EmailLink">
/// Relative link for the e-mail when it differs from the in-app one, e.g. a signed single-purpose link
/// that works without signing in ("acknowledge this note"); null to use <paramref name="Link"/>.
/// </param>
public sealed record NotificationRequested(
    IReadOnlyList<Guid> RecipientIds,
    string Category,
    NotificationKind Kind,
    string TitleTemplate,
    IReadOnlyList<string> TitleArguments,
    string Link,
    Guid? SchoolId = null,
    bool Urgent = false,
    string? Reference = null,
    string? EmailLink = null);
