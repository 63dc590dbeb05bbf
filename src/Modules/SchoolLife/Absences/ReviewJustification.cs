using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Absences;

/// <summary>School-life staff's decision on a justification: accept, or refuse with a reason for the family.</summary>
internal sealed record ReviewJustificationRequest(Guid AbsenceId, bool Accept, string? RefusalReason, int? Version);

/// <summary>
/// School-life staff (or the head) of the pupil's school validate or refuse a family's justification. A
/// refusal says why, and the family is told (they may justify again).
/// </summary>
internal sealed class ReviewJustification(
    SchoolLifeDbContext db,
    IAccountRelations relations,
    IStructureDirectory directory,
    SchoolLifeSettingsStore settings,
    IStringLocalizer localizer,
    TimeProvider clock)
{
    public async Task<Outcome<Absence>> HandleAsync(ClaimsPrincipal user, ReviewJustificationRequest request, CancellationToken cancellationToken)
    {
        var absence = await db.Absences.FirstOrDefaultAsync(a => a.Id == request.AbsenceId, cancellationToken);
        var actor = await relations.ForUserAsync(user, cancellationToken);
        if (absence is null || !Visibility.CanFollowAttendance(actor, absence.SchoolId))
        {
            return Outcome<Absence>.NotFound();
        }

        if (absence.State != JustificationState.Pending)
        {
            return Outcome<Absence>.Invalid(string.Empty, localizer["Aucune justification n’attend de décision pour cette absence."]);
        }

        if (request.Version is { } seen && seen != absence.Version)
        {
            return Outcome<Absence>.Invalid(string.Empty, localizer["La justification a changé entre-temps : relisez-la avant de décider."]);
        }

        var reason = request.RefusalReason?.Trim();
        if (!request.Accept && string.IsNullOrEmpty(reason))
        {
            return Outcome<Absence>.Invalid("RefusalReason", localizer["Indiquez à la famille pourquoi la justification est refusée."]);
        }

        if (reason?.Length > Absence.CommentMaxLength)
        {
            return Outcome<Absence>.Invalid("RefusalReason", localizer["Le motif du refus ne dépasse pas {0} caractères.", Absence.CommentMaxLength]);
        }

        absence.Review(request.Accept, reason, actor.AccountId, clock.GetUtcNow().UtcDateTime);
        if (!request.Accept)
        {
            var schoolSettings = await settings.GetAsync(absence.SchoolId, cancellationToken);
            var guardians = (await directory.ListGuardiansOfPupilsAsync([absence.PupilId], cancellationToken))
                .Where(g => g.HasParentalAuthority || schoolSettings.NonCustodialSeeAbsences).Select(g => g.GuardianId).Distinct().ToList();
            if (guardians.Count > 0)
            {
                db.Publish(new NotificationRequested(guardians, "schoollife.absence", NotificationKind.ActionRequired,
                    Platform.Localization.Text.Fr("La justification d’une absence a été refusée par la vie scolaire"), [], $"/absences/{absence.Id}", absence.SchoolId));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Absence>.Invalid(string.Empty, localizer["La justification a changé entre-temps : relisez-la avant de décider."]);
        }

        return Outcome<Absence>.Success(absence);
    }
}
