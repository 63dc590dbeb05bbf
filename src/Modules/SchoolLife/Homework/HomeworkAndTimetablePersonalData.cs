using Microsoft.EntityFrameworkCore;
using Preau.Platform.Privacy;
using Preau.Platform.Text;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Homework;

/// <summary>
/// What the homework log, the timetable and the calendar feeds hold about one account (RGPD art. 15, 17,
/// 20): as a pupil, the "done" marks; as a reader, the last visits; as a teacher, the sessions written
/// and the lessons given; the calendar address's dates (never its secret). Erasing deletes what is the
/// person's own and takes the name off what the school keeps (the class's log, its timetable).
/// </summary>
internal sealed class HomeworkAndTimetablePersonalData(SchoolLifeDbContext db) : IPersonalDataSource
{
    public string Module => "schoollife-homework-timetable";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var written = await db.HomeworkEntries.AsNoTracking().Where(e => e.AuthorId == accountId).OrderBy(e => e.SessionOn)
            .Select(e => new { e.ClassGroupId, e.Subject, e.SessionOn, e.LessonHtml, e.WorkHtml, e.DueOn, e.PublishAt })
            .ToListAsync(cancellationToken);
        var done = await (from d in db.HomeworkDone.AsNoTracking()
                          join e in db.HomeworkEntries on d.EntryId equals e.Id
                          where d.PupilId == accountId
                          orderby d.DoneAt
                          select new { e.Subject, e.DueOn, d.DoneAt }).ToListAsync(cancellationToken);
        var visits = await db.HomeworkVisits.AsNoTracking().Where(v => v.AccountId == accountId)
            .Select(v => new { v.PupilId, v.LastVisitAt }).ToListAsync(cancellationToken);
        var lessons = await db.TimetableSlots.AsNoTracking().Where(s => s.TeacherId == accountId)
            .Select(s => new { s.ClassGroupId, s.Day, s.StartsAt, s.EndsAt, s.Subject, s.Room, s.Weeks }).ToListAsync(cancellationToken);
        var feed = await db.CalendarFeeds.AsNoTracking().Where(f => f.AccountId == accountId)
            .Select(f => new { f.CreatedAt, f.LastReadAt }).FirstOrDefaultAsync(cancellationToken);
        if (written.Count == 0 && done.Count == 0 && visits.Count == 0 && lessons.Count == 0 && feed is null)
        {
            return null;
        }

        return new
        {
            SeancesEcrites = written.Select(e => new
            {
                Classe = e.ClassGroupId,
                Matiere = e.Subject,
                Seance = e.SessionOn,
                Contenu = RichText.ToPlainText(e.LessonHtml),
                TravailAFaire = RichText.ToPlainText(e.WorkHtml),
                PourLe = e.DueOn,
                PublieeLe = e.PublishAt,
            }),
            TravauxFaits = done.Select(d => new { Matiere = d.Subject, PourLe = d.DueOn, MarqueFaitLe = d.DoneAt }),
            DernieresVisitesDuCahierDeTextes = visits.Select(v => new { Eleve = v.PupilId, Le = v.LastVisitAt }),
            CoursAssures = lessons.Select(l => new { Classe = l.ClassGroupId, Jour = l.Day.ToString(), Debut = l.StartsAt, Fin = l.EndsAt, Matiere = l.Subject, Salle = l.Room, Semaines = l.Weeks.ToString() }),
            AdresseDAgenda = feed is null ? null : new { CreeeLe = feed.CreatedAt, DerniereLecture = feed.LastReadAt },
        };
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await db.HomeworkDone.Where(d => d.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.HomeworkVisits.Where(v => v.AccountId == accountId || v.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.CalendarFeeds.Where(f => f.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        // The class's log and timetable are the school's records: they stay, without the person's name.
        await db.HomeworkEntries.Where(e => e.AuthorId == accountId).ExecuteUpdateAsync(s => s.SetProperty(e => e.AuthorId, (Guid?)null), cancellationToken);
        await db.TimetableSlots.Where(s => s.TeacherId == accountId).ExecuteUpdateAsync(s => s.SetProperty(x => x.TeacherId, (Guid?)null), cancellationToken);
        await db.TimetableChanges.Where(c => c.ReplacementTeacherId == accountId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplacementTeacherId, (Guid?)null), cancellationToken);
        await db.TimetableChanges.Where(c => c.AuthorId == accountId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorId, (Guid?)null), cancellationToken);
    }
}
