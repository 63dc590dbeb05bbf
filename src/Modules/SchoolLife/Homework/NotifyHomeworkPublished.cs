using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.Identity.Contracts;
using Preau.Platform.Outbox;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Timetable;
using static Preau.Platform.Localization.Text;

namespace Preau.SchoolLife.Homework;

/// <summary>
/// Notifies the class's pupils and guardians once an entry is visible to them. Runs at the publication
/// instant (the event's earliest dispatch); an entry deleted or rescheduled since is skipped, and an entry
/// is notified once (delivery is at least once: <see cref="HomeworkEntry.NotifiedAt"/> guards retries).
/// </summary>
internal sealed class NotifyHomeworkPublished(
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    FamiliesOfGroup families,
    ScheduleSettingsStore settings,
    TimeProvider clock) : IOutboxHandler<HomeworkPublished>
{
    /// <summary>The notification category (users choose per category how they are told).</summary>
    public const string Category = "schoollife.homework";

    public async Task HandleAsync(HomeworkPublished published, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = await db.HomeworkEntries.FirstOrDefaultAsync(e => e.Id == published.EntryId, cancellationToken);
        if (entry is null || entry.NotifiedAt is not null || Math.Abs((entry.PublishAt - published.PublishAt).TotalSeconds) >= 1 || !entry.IsPublished(now))
        {
            return;
        }

        var group = await directory.GetClassGroupAsync(entry.ClassGroupId, cancellationToken);
        var followAllowed = (await settings.ForSchoolAsync(entry.SchoolId, cancellationToken))?.GuardiansWithoutAuthoritySeeHomework ?? true;
        var recipients = await families.RecipientsAsync(entry.ClassGroupId, followAllowed, cancellationToken);
        if (recipients.Count > 0 && group is not null)
        {
            db.Publish(new NotificationRequested(
                recipients,
                Category,
                NotificationKind.Information,
                entry.HasWork ? Fr("{0} : nouveau travail à faire en {1}") : Fr("{0} : nouvelle séance en {1} au cahier de textes"),
                [group.Name, entry.Subject],
                $"/cahier-de-textes/seance/{entry.Id}",
                entry.SchoolId));
        }

        entry.NotifiedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }
}
