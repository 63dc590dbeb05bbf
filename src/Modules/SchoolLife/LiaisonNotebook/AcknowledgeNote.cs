using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>The acknowledgement as recorded: when, and whether it had already been given.</summary>
internal sealed record Acknowledgement(DateTime AcknowledgedAt, bool WasAlreadyAcknowledged);

/// <summary>
/// A guardian acknowledges a note ("lu"), from the page or from the e-mail's signed link, for every child
/// of theirs it concerns. Acknowledging twice keeps the first date and says so.
/// </summary>
internal sealed class AcknowledgeNote(SchoolLifeDbContext db, IStringLocalizer localizer, TimeProvider clock)
{
    public async Task<Outcome<Acknowledgement>> HandleAsync(Guid noteId, Guid guardianId, bool byEmailLink, CancellationToken cancellationToken)
    {
        var note = await db.LiaisonNotes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noteId, cancellationToken);
        var rows = await db.NoteRecipients.Where(r => r.NoteId == noteId && r.GuardianId == guardianId).ToListAsync(cancellationToken);
        if (note is null || rows.Count == 0)
        {
            return Outcome<Acknowledgement>.NotFound();
        }

        if (!note.RequiresAcknowledgement)
        {
            return Outcome<Acknowledgement>.Invalid(string.Empty, localizer["Ce mot ne demande pas d’accusé de réception."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changed = rows.Select(r => r.Acknowledge(now, byEmailLink)).ToList().Any(c => c);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The other tab (or the e-mail link) acknowledged at the same moment: theirs is kept.
            db.ChangeTracker.Clear();
            changed = false;
            rows = await db.NoteRecipients.AsNoTracking().Where(r => r.NoteId == noteId && r.GuardianId == guardianId).ToListAsync(cancellationToken);
        }

        var first = rows.Where(r => r.AcknowledgedAt is not null).Min(r => r.AcknowledgedAt) ?? now;
        return Outcome<Acknowledgement>.Success(new Acknowledgement(first, !changed));
    }
}
