using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Files;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.LiaisonNotebook;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Absences;

/// <summary>A guardian's justification: a reason from the list, an optional comment and document.</summary>
internal sealed record JustifyAbsenceRequest(Guid AbsenceId, AbsenceReason? Reason, string? Comment, UploadedFile? Document);

/// <summary>
/// A guardian justifies a child's absence or late arrival online. Only a guardian of that child (who may
/// see its absences) can; a justification already validated is not replaced; a refused one may be given again.
/// </summary>
internal sealed class JustifyAbsence(
    SchoolLifeDbContext db,
    IAccountRelations relations,
    SchoolLifeSettingsStore settings,
    UploadInspector inspector,
    IFileStore files,
    IStringLocalizer localizer,
    TimeProvider clock)
{
    public async Task<Outcome<Absence>> HandleAsync(ClaimsPrincipal user, JustifyAbsenceRequest request, CancellationToken cancellationToken)
    {
        var absence = await db.Absences.FirstOrDefaultAsync(a => a.Id == request.AbsenceId, cancellationToken);
        var actor = await relations.ForUserAsync(user, cancellationToken);
        if (absence is null || !Visibility.GuardianSees(actor, absence.PupilId, await settings.GetAsync(absence.SchoolId, cancellationToken), SchoolLifeArea.Absences))
        {
            return Outcome<Absence>.NotFound();
        }

        if (!absence.CanBeJustified)
        {
            return Outcome<Absence>.Invalid(string.Empty, absence.State == JustificationState.Pending
                ? localizer["Une justification a déjà été envoyée pour cette absence ; la vie scolaire va l’examiner."]
                : localizer["Cette absence est déjà justifiée."]);
        }

        var errors = new List<FieldError>();
        if (request.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            errors.Add(new("Reason", localizer["Choisissez un motif."]));
            reason = AbsenceReason.Other;
        }

        var comment = request.Comment?.Trim();
        if (comment?.Length > Absence.CommentMaxLength)
        {
            errors.Add(new("Comment", localizer["Le commentaire ne dépasse pas {0} caractères.", Absence.CommentMaxLength]));
        }

        if (reason == AbsenceReason.Other && string.IsNullOrEmpty(comment) && errors.Count == 0)
        {
            errors.Add(new("Comment", localizer["Précisez le motif dans le commentaire."]));
        }

        if (errors.Count > 0)
        {
            return Outcome<Absence>.Invalid(errors);
        }

        string? key = null;
        string? type = null;
        if (request.Document is { } document)
        {
            var check = await inspector.InspectAsync(document.Content, SendNote.AttachmentKinds, cancellationToken);
            if (!check.IsAccepted)
            {
                return Outcome<Absence>.Invalid("Document", check.Error!);
            }

            key = await files.SaveAsync(document.Content, cancellationToken);
            type = check.ContentType;
        }

        absence.Justify(reason, string.IsNullOrEmpty(comment) ? null : comment, key, type, actor.AccountId, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Absence>.Invalid(string.Empty, localizer["Une justification a déjà été envoyée pour cette absence ; la vie scolaire va l’examiner."]);
        }

        return Outcome<Absence>.Success(absence);
    }
}
