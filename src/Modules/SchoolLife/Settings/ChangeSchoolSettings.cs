using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Settings;

/// <summary>The head's choices for their school.</summary>
internal sealed record SchoolSettingsInput(int AbsenceNoticeDelayMinutes, int MonthlyAlertThreshold, PeriodKind PeriodKind, bool NonCustodialSeeNotes, bool NonCustodialSeeAbsences, bool NonCustodialSeeAssessments);

/// <summary>The head of a school changes its liaison-notebook, absence and assessment settings.</summary>
internal sealed class ChangeSchoolSettings(SchoolLifeDbContext db, IAccountRelations relations, IStringLocalizer localizer)
{
    /// <summary>The family must hear of an absence the same day: at most four hours after the roll call.</summary>
    public const int MaxDelayMinutes = 240;

    public async Task<Outcome<SchoolLifeSettings>> HandleAsync(ClaimsPrincipal user, Guid schoolId, SchoolSettingsInput input, CancellationToken cancellationToken)
    {
        if (!(await relations.ForUserAsync(user, cancellationToken)).Heads(schoolId))
        {
            return Outcome<SchoolLifeSettings>.NotFound();
        }

        var errors = new List<FieldError>();
        if (input.AbsenceNoticeDelayMinutes is < 0 or > MaxDelayMinutes)
        {
            errors.Add(new("AbsenceNoticeDelayMinutes", localizer["Le délai va de 0 à {0} minutes : la famille doit être prévenue le jour même.", MaxDelayMinutes]));
        }

        if (input.MonthlyAlertThreshold is < 1 or > 40)
        {
            errors.Add(new("MonthlyAlertThreshold", localizer["Le seuil va de 1 à 40 demi-journées."]));
        }

        if (!Enum.IsDefined(input.PeriodKind))
        {
            errors.Add(new("PeriodKind", localizer["Choisissez trimestres ou semestres."]));
        }

        if (errors.Count > 0)
        {
            return Outcome<SchoolLifeSettings>.Invalid(errors);
        }

        var settings = await db.SchoolLifeSettings.FirstOrDefaultAsync(s => s.SchoolId == schoolId, cancellationToken);
        if (settings is null)
        {
            settings = SchoolLifeSettings.Defaults(schoolId);
            db.SchoolLifeSettings.Add(settings);
        }

        settings.AbsenceNoticeDelayMinutes = input.AbsenceNoticeDelayMinutes;
        settings.MonthlyAlertThreshold = input.MonthlyAlertThreshold;
        settings.PeriodKind = input.PeriodKind;
        settings.NonCustodialSeeNotes = input.NonCustodialSeeNotes;
        settings.NonCustodialSeeAbsences = input.NonCustodialSeeAbsences;
        settings.NonCustodialSeeAssessments = input.NonCustodialSeeAssessments;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<SchoolLifeSettings>.Invalid(string.Empty, localizer["Les réglages viennent d’être changés par quelqu’un d’autre : rechargez la page."]);
        }

        return Outcome<SchoolLifeSettings>.Success(settings);
    }
}
