using Microsoft.EntityFrameworkCore;
using Preau.Communication.Data;
using Preau.Platform.Privacy;

namespace Preau.Communication.Publishing;

/// <summary>
/// What publishing holds about one person (RGPD art. 15, 17): their blog posts and comments, their
/// meeting bookings (as guardian or as the child concerned), their questions to the school council,
/// their council memberships, their news and events, the existence of their calendar address.
/// On erasure, a person's own writings (posts, comments, questions), bookings, memberships and calendar
/// address are deleted; news and events they published for the school or the town stay, as the
/// institution's communication, without the person's name (it came from their deleted account).
/// </summary>
internal sealed class PublishingPersonalData(CommunicationDbContext db, PublishedFiles files) : IPersonalDataSource
{
    public string Module => "communication.publication";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var posts = await db.BlogPosts.AsNoTracking().Where(p => p.AuthorId == accountId)
            .Select(p => new { Titre = p.Title, Texte = p.BodyHtml, Etat = p.Status.ToString(), Ecrit = p.CreatedAt, Publie = p.PublishedAt }).ToListAsync(cancellationToken);
        var comments = await db.BlogComments.AsNoTracking().Where(c => c.AuthorId == accountId)
            .Select(c => new { Texte = c.Body, Etat = c.Status.ToString(), Ecrit = c.CreatedAt }).ToListAsync(cancellationToken);
        var bookings = await (from b in db.SlotBookings.AsNoTracking()
                              join s in db.EventSlots on b.SlotId equals s.Id
                              join e in db.AgendaEvents on b.EventId equals e.Id
                              where b.GuardianId == accountId || b.PupilId == accountId
                              select new { Evenement = e.Title, Debut = s.StartsAt, Fin = s.EndsAt, Reserve = b.CreatedAt }).ToListAsync(cancellationToken);
        var questions = await db.CouncilQuestions.AsNoTracking().Where(q => q.AuthorId == accountId)
            .Select(q => new { Question = q.Text, Posee = q.SubmittedAt, InscriteOrdreDuJour = q.AddedToAgendaAt }).ToListAsync(cancellationToken);
        var memberships = await db.CouncilMembers.AsNoTracking().Where(m => m.AccountId == accountId)
            .Select(m => new { Conseil = m.CouncilId, Qualite = m.Role.ToString(), Depuis = m.AddedAt }).ToListAsync(cancellationToken);
        var news = await db.News.AsNoTracking().Where(n => n.AuthorId == accountId)
            .Select(n => new { Titre = n.Title, Texte = n.BodyHtml, Etat = n.Status.ToString(), Publication = n.PublishAt }).ToListAsync(cancellationToken);
        var events = await db.AgendaEvents.AsNoTracking().Where(e => e.OrganizerId == accountId)
            .Select(e => new { Titre = e.Title, Debut = e.StartsAt, Fin = e.EndsAt, Lieu = e.Location }).ToListAsync(cancellationToken);
        var calendar = await db.CalendarFeedTokens.AsNoTracking().Where(t => t.AccountId == accountId).Select(t => (DateTime?)t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (posts.Count + comments.Count + bookings.Count + questions.Count + memberships.Count + news.Count + events.Count == 0 && calendar is null)
        {
            return null;
        }

        return new
        {
            BilletsDeBlog = posts,
            CommentairesDeBlog = comments,
            RendezVous = bookings,
            QuestionsAuConseilDEcole = questions,
            MandatsAuConseilDEcole = memberships,
            ActualitesPubliees = news,
            EvenementsOrganises = events,
            AdresseDeCalendrierCreeeLe = calendar,
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var postIds = await db.BlogPosts.Where(p => p.AuthorId == accountId).Select(p => p.Id).ToListAsync(cancellationToken);
        await db.BlogComments.Where(c => c.AuthorId == accountId || postIds.Contains(c.PostId)).ExecuteDeleteAsync(cancellationToken);
        await db.BlogPosts.Where(p => p.AuthorId == accountId).ExecuteDeleteAsync(cancellationToken);
        foreach (var postId in postIds)
        {
            await files.RemoveAllAsync(FileOwner.BlogPost, postId, cancellationToken);
        }

        await db.SlotBookings.Where(b => b.GuardianId == accountId || b.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.CouncilQuestions.Where(q => q.AuthorId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.CouncilMembers.Where(m => m.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.CalendarFeedTokens.Where(t => t.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
    }
}
