using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>A note in a list: for a guardian, whether they still have something to do; for a sender, how many families did it.</summary>
internal sealed record NoteSummary(Guid Id, string Title, string AudienceLabel, DateTime SentAt, bool AsksSomething, bool IsPending, int Families, int FamiliesDone);

/// <summary>One guardian's part of a note, as the sender sees it.</summary>
internal sealed record GuardianFollowUp(Guid GuardianId, string Name, bool HasParentalAuthority, DateTime? ReadAt, DateTime? AcknowledgedAt, bool ByEmailLink, bool? AnswerYes, string? AnswerText, DateTime? AnsweredAt, DateTime? RemindedAt, bool IsPending);

/// <summary>One family (a pupil and their guardians who received the note).</summary>
internal sealed record FamilyFollowUp(Guid PupilId, string PupilName, string? ClassName, IReadOnlyList<GuardianFollowUp> Guardians)
{
    /// <summary>A family is done when one of its guardians did what the note asks.</summary>
    public bool IsDone => Guardians.Any(g => !g.IsPending);
}

/// <summary>The read side of the liaison notebook: lists and follow-up, a few indexed queries each, no N+1.</summary>
internal sealed class ReadNotes(SchoolLifeDbContext db, IStructureDirectory directory)
{
    public const int PageSize = 20;

    /// <summary>The notes a guardian received, newest first.</summary>
    public async Task<PageOf<NoteSummary>> ReceivedAsync(Guid guardianId, int page, CancellationToken cancellationToken)
    {
        var noteIds = db.NoteRecipients.Where(r => r.GuardianId == guardianId).Select(r => r.NoteId).Distinct();
        var query = db.LiaisonNotes.AsNoTracking().Where(n => noteIds.Contains(n.Id));
        var total = await query.CountAsync(cancellationToken);
        page = ClampPage(page, total);
        var notes = await query.OrderByDescending(n => n.SentAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = notes.Select(n => n.Id).ToList();
        var pending = await db.NoteRecipients.AsNoTracking()
            .Where(r => r.GuardianId == guardianId && ids.Contains(r.NoteId) && r.ActionExpected && r.CompletedAt == null)
            .Select(r => r.NoteId).Distinct().ToListAsync(cancellationToken);
        return new PageOf<NoteSummary>(
            notes.Select(n => new NoteSummary(n.Id, n.Title, n.AudienceLabel, n.SentAt, n.AsksSomething, pending.Contains(n.Id), 0, 0)).ToList(),
            page, PageSize, total);
    }

    /// <summary>The notes an account sent, and for the head and school-life staff every note of their schools.</summary>
    public async Task<PageOf<NoteSummary>> SentAsync(AccountRelations actor, int page, CancellationToken cancellationToken)
    {
        var schools = actor.SchoolRoles.Where(r => (r.Value & Visibility.SchoolLifeStaff) != 0).Select(r => r.Key).ToList();
        var query = db.LiaisonNotes.AsNoTracking().Where(n => n.AuthorId == actor.AccountId || schools.Contains(n.SchoolId));
        var total = await query.CountAsync(cancellationToken);
        page = ClampPage(page, total);
        var notes = await query.OrderByDescending(n => n.SentAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = notes.Select(n => n.Id).ToList();
        var families = await db.NoteRecipients.AsNoTracking()
            .Where(r => ids.Contains(r.NoteId))
            .GroupBy(r => new { r.NoteId, r.PupilId })
            .Select(g => new { g.Key.NoteId, Done = g.Any(r => r.CompletedAt != null) })
            .ToListAsync(cancellationToken);
        var byNote = families.GroupBy(f => f.NoteId).ToDictionary(g => g.Key, g => (Total: g.Count(), Done: g.Count(f => f.Done)));
        return new PageOf<NoteSummary>(
            notes.Select(n =>
            {
                var counts = byNote.GetValueOrDefault(n.Id);
                return new NoteSummary(n.Id, n.Title, n.AudienceLabel, n.SentAt, n.AsksSomething, false, counts.Total, counts.Done);
            }).ToList(),
            page, PageSize, total);
    }

    public Task<LiaisonNote?> FindAsync(Guid noteId, CancellationToken cancellationToken) =>
        db.LiaisonNotes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noteId, cancellationToken);

    /// <summary>A guardian's rows of a note (one per child it concerns).</summary>
    public async Task<IReadOnlyList<NoteRecipient>> RowsOfGuardianAsync(Guid noteId, Guid guardianId, CancellationToken cancellationToken) =>
        await db.NoteRecipients.AsNoTracking().Where(r => r.NoteId == noteId && r.GuardianId == guardianId).ToListAsync(cancellationToken);

    /// <summary>Per family, who read, acknowledged and answered, and when (three queries whatever the size).</summary>
    public async Task<IReadOnlyList<FamilyFollowUp>> FollowUpAsync(Guid noteId, CancellationToken cancellationToken)
    {
        var rows = await db.NoteRecipients.AsNoTracking().Where(r => r.NoteId == noteId).ToListAsync(cancellationToken);
        var pupils = (await directory.GetPupilsAsync(rows.Select(r => r.PupilId), cancellationToken)).ToDictionary(p => p.Id);
        var people = (await directory.GetPeopleAsync(rows.Select(r => r.GuardianId), cancellationToken)).ToDictionary(p => p.Id);
        return rows.GroupBy(r => r.PupilId)
            .Select(g => new FamilyFollowUp(
                g.Key,
                pupils.TryGetValue(g.Key, out var pupil) ? pupil.DisplayName : "—",
                pupil?.ClassName,
                g.Select(r => new GuardianFollowUp(
                    r.GuardianId,
                    people.TryGetValue(r.GuardianId, out var person) ? person.DisplayName : "—",
                    r.HasParentalAuthority, r.ReadAt, r.AcknowledgedAt, r.AcknowledgedByEmailLink, r.AnswerYes, r.AnswerText, r.AnsweredAt, r.RemindedAt, r.IsPending)).ToList()))
            .OrderBy(f => f.ClassName).ThenBy(f => f.PupilName)
            .ToList();
    }

    /// <summary>Marks the guardian's rows read (opening the note counts as reading it).</summary>
    public Task MarkReadAsync(Guid noteId, Guid guardianId, DateTime now, CancellationToken cancellationToken) =>
        db.NoteRecipients.Where(r => r.NoteId == noteId && r.GuardianId == guardianId && r.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadAt, now), cancellationToken);

    private static int ClampPage(int page, int total) => Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
}
