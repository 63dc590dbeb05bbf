using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Platform.Text;
using static Preau.Platform.Localization.Text;

namespace Preau.Communication.News;

/// <summary>What the author typed, with instants already in UTC.</summary>
internal sealed record NewsDraft(string TargetKey, NewsAudience Audience, string Title, string Body, DateTime PublishAt, DateTime? ExpiresAt, bool Submit);

/// <summary>
/// Creates or changes a news item: checks the target against the author's rights, the audience, the
/// window and the body (sanitised), stores the checked files, then submits it (published at once, or
/// held for the head's approval) and schedules the audience's notification at its publication date.
/// </summary>
internal sealed class SaveNews(CommunicationDbContext db, Targets targets, RichText richText, PublishedFiles files, TimeProvider clock)
{
    public async Task<(NewsItem? Item, IReadOnlyList<FieldError> Errors)> RunAsync(
        Reader author, NewsItem? existing, NewsDraft draft, IReadOnlyList<PublishedFiles.Checked> uploads, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<FieldError>();
        var target = (await targets.ForAsync(author, NewsRights.Targets, cancellationToken)).FirstOrDefault(t => t.Key == draft.TargetKey);
        if (target is null)
        {
            errors.Add(new FieldError("Input.Target", Fr("Choisissez pour qui vous publiez parmi les choix proposés.")));
        }
        else if (!NewsRights.AudiencesFor(target).Contains(draft.Audience))
        {
            errors.Add(new FieldError("Input.Audience", Fr("Ce public ne correspond pas à l’origine choisie : une actualité de classe est pour la classe, celle d’une école pour ses familles ou pour tous, celle de la ville pour le territoire ou pour tous.")));
        }

        var title = draft.Title.Trim();
        if (title.Length == 0)
        {
            errors.Add(new FieldError("Input.Title", Fr("Indiquez un titre.")));
        }

        var body = RichInput.ToSafeHtml(richText, draft.Body);
        if (body.Length > RichText.MaxLength)
        {
            errors.Add(new FieldError("Input.Body", Fr("Le texte est trop long (100 000 caractères au plus).")));
        }
        else if (RichInput.IsBlank(body))
        {
            errors.Add(new FieldError("Input.Body", Fr("Le texte est vide une fois retirés les éléments non autorisés (scripts, styles, images externes).")));
        }

        var publishAt = existing?.Status == NewsStatus.Published && existing.PublishAt <= now && draft.PublishAt <= now ? existing.PublishAt : draft.PublishAt;
        if (NewsItem.CheckWindow(publishAt, draft.ExpiresAt, now) is { } windowError)
        {
            errors.Add(new FieldError("Input.ExpiresOn", windowError));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var item = existing ?? db.News.Add(new NewsItem { AuthorId = author.AccountId, Title = title, BodyHtml = body, CreatedAt = now }).Entity;
        item.Title = title;
        item.BodyHtml = body;
        item.SchoolId = target!.SchoolId;
        item.ClassGroupId = target.ClassGroupId;
        item.Audience = draft.Audience;
        item.PublishAt = publishAt;
        item.ExpiresAt = draft.ExpiresAt;
        item.UpdatedAt = now;
        if (draft.Submit)
        {
            var schoolRequires = item.SchoolId is { } schoolId && await RequiresApprovalAsync(schoolId, cancellationToken);
            item.Submit(NewsRights.NeedsApproval(author, item, schoolRequires), now);
            ScheduleNotification(db, item);
        }
        else
        {
            item.SaveAsDraft(now);
        }

        await files.AttachAsync(uploads, FileOwner.News, item.Id, author.AccountId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (item, []);
    }

    public async Task<bool> RequiresApprovalAsync(Guid schoolId, CancellationToken cancellationToken) =>
        await db.SchoolPublishingSettings.Where(s => s.SchoolId == schoolId).Select(s => (bool?)s.NewsNeedApproval).FirstOrDefaultAsync(cancellationToken) ?? true;

    /// <summary>Once published, the audience hears of it at its publication date (a later change does not notify again).</summary>
    public static void ScheduleNotification(CommunicationDbContext db, NewsItem item)
    {
        if (item.Status == NewsStatus.Published && item.NotifiedAt is null)
        {
            db.Publish(new NewsWentLive(item.Id), item.PublishAt);
        }
    }
}

/// <summary>A news item reached (or will reach at its publication date) its audience.</summary>
/// <param name="NewsId">The item.</param>
internal sealed record NewsWentLive(Guid NewsId);
