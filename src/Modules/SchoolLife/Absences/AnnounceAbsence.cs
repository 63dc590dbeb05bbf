using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Absences;

/// <summary>An absence announced by a guardian before it happens.</summary>
internal sealed record AnnounceAbsenceRequest(Guid PupilId, DateOnly? From, DateOnly? To, AbsenceReason? Reason, string? Comment);

/// <summary>
/// A guardian announces that a child will be absent (dates and reason). The roll call shows it, and the
/// absences then recorded carry the family's reason, waiting for school-life staff's validation, without
/// an "absence" notice to the family who already know.
/// </summary>
internal sealed class AnnounceAbsence(
    SchoolLifeDbContext db,
    IAccountRelations relations,
    IStructureDirectory directory,
    SchoolLifeSettingsStore settings,
    TenantContext tenant,
    IStringLocalizer localizer,
    TimeProvider clock)
{
    /// <summary>Long absences go through the school, not a form (a family moving, a hospital stay).</summary>
    public const int MaxDays = 31;

    public async Task<Outcome<AbsenceNotice>> HandleAsync(ClaimsPrincipal user, AnnounceAbsenceRequest request, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(user, cancellationToken);
        var pupil = await directory.GetPupilsAsync([request.PupilId], cancellationToken) is [var found, ..] ? found : null;
        if (pupil?.SchoolId is not { } schoolId
            || !Visibility.GuardianSees(actor, pupil.Id, await settings.GetAsync(schoolId, cancellationToken), SchoolLifeArea.Absences))
        {
            return Outcome<AbsenceNotice>.NotFound();
        }

        var errors = new List<FieldError>();
        var today = tenant.Today(clock);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        if (request.From is not { } from)
        {
            errors.Add(new("From", localizer["Indiquez le premier jour d’absence."]));
        }
        else if (from < today)
        {
            errors.Add(new("From", localizer["Une absence passée se justifie depuis la liste des absences."]));
        }
        else if (calendar.YearOf(from) is null)
        {
            errors.Add(new("From", localizer["Cette date n’est dans aucune année scolaire."]));
        }

        var to = request.To ?? request.From;
        if (request.From is { } start && to is { } end)
        {
            if (end < start)
            {
                errors.Add(new("To", localizer["Le dernier jour ne peut pas précéder le premier."]));
            }
            else if (end.DayNumber - start.DayNumber >= MaxDays)
            {
                errors.Add(new("To", localizer["Pour une absence de plus de {0} jours, contactez l’école.", MaxDays]));
            }
            else if (calendar.YearOf(end) is null)
            {
                errors.Add(new("To", localizer["Cette date n’est dans aucune année scolaire."]));
            }
        }

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

        if (errors.Count > 0)
        {
            return Outcome<AbsenceNotice>.Invalid(errors);
        }

        var notice = new AbsenceNotice
        {
            SchoolId = schoolId,
            PupilId = pupil.Id,
            FromDate = request.From!.Value,
            ToDate = to!.Value,
            Reason = reason,
            Comment = string.IsNullOrEmpty(comment) ? null : comment,
            AnnouncedById = actor.AccountId,
            AnnouncedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AbsenceNotices.Add(notice);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AbsenceNotice>.Success(notice);
    }
}
