using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>A note waiting for the guardian, on the home page.</summary>
internal sealed record PendingNote(Guid Id, string Title, DateTime SentAt, bool IsAuthorization);

/// <summary>The home section's model: the latest notes waiting, and how many there are.</summary>
internal sealed record NotesToAcknowledge(IReadOnlyList<PendingNote> Notes, int Total);

/// <summary>
/// "Notes to acknowledge" on a guardian's home: two queries on the recipients' index
/// (GuardianId, ActionExpected, CompletedAt), whatever the number of notes of the year.
/// </summary>
internal sealed class NotesToAcknowledgeSection(SchoolLifeDbContext db, HomeScopes scopes) : IHomeSection
{
    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Guardian))
        {
            return null;
        }

        var guardianId = user.RequiredAccountId();
        scopes.Follow(guardianId);
        var pending = db.NoteRecipients.AsNoTracking().Where(r => r.GuardianId == guardianId && r.ActionExpected && r.CompletedAt == null);
        var notes = await (from n in db.LiaisonNotes.AsNoTracking()
                           where pending.Select(r => r.NoteId).Contains(n.Id)
                           orderby n.SentAt descending
                           select new PendingNote(n.Id, n.Title, n.SentAt, n.IsAuthorization))
            .Take(5).ToListAsync(cancellationToken);
        if (notes.Count == 0)
        {
            return null;
        }

        var total = notes.Count < 5 ? notes.Count : await pending.Select(r => r.NoteId).Distinct().CountAsync(cancellationToken);
        return new HomeSectionView("/Pages/LiaisonNotebook/_HomeSection.cshtml", new NotesToAcknowledge(notes, total));
    }
}
