using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Outbox;

namespace Preau.Communication.News;

/// <summary>
/// Notifies a news item's audience once it is live (category communication.news, for information).
/// The event may fire for an item that was since withdrawn, postponed or already announced: then
/// nothing happens, which makes delivery at least once harmless.
/// </summary>
internal sealed class NotifyNewsAudience(CommunicationDbContext db, Audiences audiences, TimeProvider clock) : IOutboxHandler<NewsWentLive>
{
    public const string Category = "communication.news";

    public async Task HandleAsync(NewsWentLive domainEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.News.FirstOrDefaultAsync(n => n.Id == domainEvent.NewsId, cancellationToken);
        if (item is null || item.NotifiedAt is not null || !item.IsLiveAt(now))
        {
            return;
        }

        var recipients = item switch
        {
            { Audience: NewsAudience.Class, ClassGroupId: { } classId } => await audiences.OfClassAsync(classId, withPupils: true, cancellationToken),
            { SchoolId: { } schoolId } => await audiences.OfSchoolAsync(schoolId, withPupils: true, cancellationToken),
            _ => await audiences.OfTerritoryAsync(cancellationToken),
        };
        item.NotifiedAt = now;
        Audiences.Notify(db, recipients.Where(r => r != item.AuthorId), Category, NotificationKind.Information,
            Platform.Localization.Text.Fr("Nouvelle actualité : {0}"), [item.Title], $"/actualites/{item.Id}", item.SchoolId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
