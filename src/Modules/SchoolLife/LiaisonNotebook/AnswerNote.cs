using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>A guardian's answer for one child: yes/no, or a short text.</summary>
internal sealed record AnswerNoteRequest(Guid NoteId, Guid PupilId, bool? Yes, string? Text, int? Version);

/// <summary>
/// A guardian answers a note for one child. An authorization is answered only by a guardian who holds
/// parental authority now (Visibility.CanAnswer); the answer acknowledges the note too. A guardian may
/// change their answer; an answer given meanwhile from another tab is not overwritten silently.
/// </summary>
internal sealed class AnswerNote(SchoolLifeDbContext db, IAccountRelations relations, IStringLocalizer localizer, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(ClaimsPrincipal user, AnswerNoteRequest request, CancellationToken cancellationToken)
    {
        var guardianId = user.RequiredAccountId();
        var note = await db.LiaisonNotes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == request.NoteId, cancellationToken);
        var row = await db.NoteRecipients.FirstOrDefaultAsync(r => r.NoteId == request.NoteId && r.GuardianId == guardianId && r.PupilId == request.PupilId, cancellationToken);
        if (note is null || row is null)
        {
            return Outcome<bool>.NotFound();
        }

        if (note.AnswerKind == NoteAnswerKind.None)
        {
            return Outcome<bool>.Invalid(string.Empty, localizer["Ce mot n’attend pas de réponse."]);
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        if (!Visibility.CanAnswer(note.IsAuthorization, actor.HasParentalAuthorityOver(request.PupilId)))
        {
            return Outcome<bool>.Invalid(string.Empty, localizer["Seul un responsable qui exerce l’autorité parentale peut répondre à une autorisation. Vous pouvez en accuser réception."]);
        }

        if (request.Version is { } seen && seen != row.Version && row.AnsweredAt is not null)
        {
            return Outcome<bool>.Invalid(string.Empty, localizer["Une réponse a été enregistrée entre-temps (depuis un autre appareil) : vérifiez-la avant de la changer."]);
        }

        bool? yes = null;
        string? text = null;
        if (note.AnswerKind == NoteAnswerKind.YesNo)
        {
            if (request.Yes is null)
            {
                return Outcome<bool>.Invalid("Yes", localizer["Choisissez « oui » ou « non »."]);
            }

            yes = request.Yes;
        }
        else
        {
            text = request.Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return Outcome<bool>.Invalid("Text", localizer["Écrivez votre réponse."]);
            }

            if (text.Length > NoteRecipient.AnswerTextMaxLength)
            {
                return Outcome<bool>.Invalid("Text", localizer["La réponse ne dépasse pas {0} caractères.", NoteRecipient.AnswerTextMaxLength]);
            }
        }

        row.Answer(yes, text, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Invalid(string.Empty, localizer["Une réponse a été enregistrée entre-temps (depuis un autre appareil) : vérifiez-la avant de la changer."]);
        }

        return Outcome<bool>.Success(true);
    }
}
