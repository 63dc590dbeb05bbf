using Microsoft.EntityFrameworkCore;
using Preau.Platform.Files;
using Preau.Platform.Privacy;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Privacy;

/// <summary>
/// What the liaison notebook, absences and assessments hold about one account (RGPD art. 15, 17, 20):
/// as a pupil (absences, marks, competencies, reports), as a guardian (notes received and answers,
/// justifications, announced absences, report acknowledgements) and as staff (notes sent, roll calls,
/// assessments). Erasing deletes what is about the person and anonymises what others still need: a
/// note stays in the other families' notebooks with its author removed, an absence stays in the pupil's
/// record without the name of who recorded or justified it.
/// </summary>
internal sealed class FamilyLinkPersonalData(SchoolLifeDbContext db, IFileStore files) : IPersonalDataSource
{
    public string Module => "schoollife.familylink";

    public async Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var absences = await db.Absences.AsNoTracking().Where(a => a.PupilId == accountId).OrderBy(a => a.Date)
            .Select(a => new { Date = a.Date, Debut = a.StartsAt, Type = a.Kind.ToString(), RetardMinutes = a.LateMinutes, Justification = a.State.ToString(), Motif = a.Reason.ToString(), Commentaire = a.Comment, MotifDuRefus = a.RefusalReason })
            .ToListAsync(cancellationToken);
        var marks = await (from m in db.Marks.AsNoTracking()
                           join a in db.Assessments.AsNoTracking() on m.AssessmentId equals a.Id
                           where m.PupilId == accountId && a.PublishedAt != null
                           orderby a.Date
                           select new { Matiere = a.Subject, Evaluation = a.Title, a.Date, Bareme = a.Scale, a.Coefficient, Statut = m.Status.ToString(), Note = m.Value })
            .ToListAsync(cancellationToken);
        var competencies = await (from c in db.CompetencyAssessments.AsNoTracking()
                                  join k in db.Competencies.AsNoTracking() on c.CompetencyId equals k.Id
                                  where c.PupilId == accountId
                                  orderby c.AssessedOn
                                  select new { Competence = k.Label, Niveau = c.Level.ToString(), Date = c.AssessedOn })
            .ToListAsync(cancellationToken);
        var reports = await db.PeriodReports.AsNoTracking().Where(r => r.PupilId == accountId && r.SharedAt != null)
            .Select(r => new { Periode = r.Period, Appreciation = r.Appreciation, PartageLe = r.SharedAt }).ToListAsync(cancellationToken);
        var appreciations = await db.SubjectAppreciations.AsNoTracking().Where(a => a.PupilId == accountId)
            .Select(a => new { Matiere = a.Subject, Periode = a.Period, Appreciation = a.Text }).ToListAsync(cancellationToken);
        var notesReceived = await (from r in db.NoteRecipients.AsNoTracking()
                                   join n in db.LiaisonNotes.AsNoTracking() on r.NoteId equals n.Id
                                   where r.GuardianId == accountId
                                   orderby n.SentAt
                                   select new { Mot = n.Title, EnvoyeLe = n.SentAt, LuLe = r.ReadAt, AccuseLe = r.AcknowledgedAt, ReponseOui = r.AnswerYes, Reponse = r.AnswerText, ReponduLe = r.AnsweredAt })
            .ToListAsync(cancellationToken);
        var justified = await db.Absences.AsNoTracking().Where(a => a.JustifiedById == accountId && a.PupilId != accountId)
            .Select(a => new { Eleve = a.PupilId, a.Date, Motif = a.Reason.ToString(), Commentaire = a.Comment, EnvoyeeLe = a.JustifiedAt }).ToListAsync(cancellationToken);
        var announced = await db.AbsenceNotices.AsNoTracking().Where(n => n.AnnouncedById == accountId || n.PupilId == accountId)
            .Select(n => new { Eleve = n.PupilId, Du = n.FromDate, Au = n.ToDate, Motif = n.Reason.ToString(), Commentaire = n.Comment }).ToListAsync(cancellationToken);
        var notesSent = await db.LiaisonNotes.AsNoTracking().Where(n => n.AuthorId == accountId).OrderBy(n => n.SentAt)
            .Select(n => new { Mot = n.Title, Destinataires = n.AudienceLabel, EnvoyeLe = n.SentAt }).ToListAsync(cancellationToken);
        var rollCalls = await db.RollCalls.AsNoTracking().CountAsync(r => r.TakenById == accountId, cancellationToken);
        var assessmentsCreated = await db.Assessments.AsNoTracking().Where(a => a.TeacherId == accountId)
            .Select(a => new { Matiere = a.Subject, Evaluation = a.Title, a.Date }).ToListAsync(cancellationToken);

        var export = new
        {
            Absences = absences,
            Notes = marks,
            Competences = competencies,
            BilansPeriodiques = reports,
            Appreciations = appreciations,
            MotsRecus = notesReceived,
            JustificationsEnvoyees = justified,
            AbsencesPrevenues = announced,
            MotsEnvoyes = notesSent,
            AppelsFaits = rollCalls,
            EvaluationsCreees = assessmentsCreated,
        };
        var empty = absences.Count + marks.Count + competencies.Count + reports.Count + appreciations.Count + notesReceived.Count + justified.Count
            + announced.Count + notesSent.Count + rollCalls + assessmentsCreated.Count == 0;
        return empty ? null : export;
    }

    public async Task EraseAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // As a pupil: the school-life record is about them; documents go with it.
        var documents = await db.Absences.Where(a => a.PupilId == accountId && a.DocumentKey != null).Select(a => a.DocumentKey!).ToListAsync(cancellationToken);
        await db.Absences.Where(a => a.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.AbsenceNotices.Where(n => n.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.Marks.Where(m => m.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.CompetencyAssessments.Where(c => c.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.SubjectAppreciations.Where(a => a.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.PeriodReports.Where(r => r.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.NoteRecipients.Where(r => r.PupilId == accountId).ExecuteDeleteAsync(cancellationToken);

        // As a guardian: their reading and answers go; what they gave for the child stays with the child, unsigned.
        await db.NoteRecipients.Where(r => r.GuardianId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.PeriodReportAcknowledgements.Where(a => a.GuardianId == accountId).ExecuteDeleteAsync(cancellationToken);
        await db.Absences.Where(a => a.JustifiedById == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.JustifiedById, (Guid?)null), cancellationToken);
        await db.AbsenceNotices.Where(n => n.AnnouncedById == accountId).ExecuteUpdateAsync(s => s.SetProperty(n => n.AnnouncedById, Guid.Empty), cancellationToken);

        // As staff: what they wrote stays for the families and pupils, without their name.
        await db.LiaisonNotes.Where(n => n.AuthorId == accountId).ExecuteUpdateAsync(s => s.SetProperty(n => n.AuthorId, Guid.Empty), cancellationToken);
        await db.RollCalls.Where(r => r.TakenById == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.TakenById, Guid.Empty), cancellationToken);
        await db.Absences.Where(a => a.RecordedById == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.RecordedById, Guid.Empty), cancellationToken);
        await db.Absences.Where(a => a.ReviewedById == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ReviewedById, (Guid?)null), cancellationToken);
        await db.Assessments.Where(a => a.TeacherId == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.TeacherId, Guid.Empty), cancellationToken);
        await db.SubjectAppreciations.Where(a => a.TeacherId == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.TeacherId, Guid.Empty), cancellationToken);
        await db.PeriodReports.Where(r => r.TeacherId == accountId).ExecuteUpdateAsync(s => s.SetProperty(r => r.TeacherId, Guid.Empty), cancellationToken);
        await db.CompetencyAssessments.Where(c => c.TeacherId == accountId).ExecuteUpdateAsync(s => s.SetProperty(c => c.TeacherId, Guid.Empty), cancellationToken);

        foreach (var key in documents)
        {
            await files.DeleteAsync(key, cancellationToken);
        }
    }
}
