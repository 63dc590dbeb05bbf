using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>
/// The sender reminds the guardians who have not done what the note asks: a new notification to them
/// only. At most one reminder an hour, so a double click or an impatient sender does not flood families.
/// </summary>
internal sealed class RemindNote(SchoolLifeDbContext db, SendNote sender, IStringLocalizer localizer, TimeProvider clock)
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(1);

    /// <summary>Reminds; returns how many guardians were reminded. The caller has checked the right to manage the note.</summary>
    public async Task<Outcome<int>> HandleAsync(LiaisonNote note, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!note.AsksSomething)
        {
            return Outcome<int>.Invalid(string.Empty, localizer["Ce mot ne demande rien aux familles : il n’y a personne à relancer."]);
        }

        if (note.LastRemindedAt is { } last && now - last < MinimumInterval)
        {
            return Outcome<int>.Invalid(string.Empty, localizer["Un rappel a été envoyé il y a moins d’une heure."]);
        }

        var pending = await db.NoteRecipients.Where(r => r.NoteId == note.Id && r.ActionExpected && r.CompletedAt == null).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return Outcome<int>.Invalid(string.Empty, localizer["Toutes les familles ont déjà répondu."]);
        }

        foreach (var row in pending)
        {
            row.RemindedAt = now;
        }

        var tracked = await db.LiaisonNotes.FirstAsync(n => n.Id == note.Id, cancellationToken);
        tracked.LastRemindedAt = now;
        var guardians = pending.Select(r => r.GuardianId).Distinct().ToList();
        sender.Notify(tracked, guardians, reminder: true);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Success(guardians.Count);
    }
}
