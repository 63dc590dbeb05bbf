using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Assessments;

/// <summary>The periods of a school this year, and the one asked for (or today's).</summary>
internal sealed record PeriodChoice(IReadOnlyList<SchoolPeriod> Periods, SchoolPeriod Chosen);

/// <summary>Finds a school's periods for pages: its setting (trimesters or semesters) over the current school year.</summary>
internal sealed class AssessmentPeriods(IStructureDirectory directory, SchoolLifeSettingsStore settings, TenantContext tenant, TimeProvider clock)
{
    public async Task<PeriodChoice?> ForSchoolAsync(Guid schoolId, int? asked, CancellationToken cancellationToken)
    {
        if (await directory.GetCurrentSchoolYearAsync(cancellationToken) is not { } year)
        {
            return null;
        }

        var periods = SchoolPeriods.Of(year, (await settings.GetAsync(schoolId, cancellationToken)).PeriodKind);
        var chosen = periods.FirstOrDefault(p => p.Number == asked) ?? SchoolPeriods.Current(periods, tenant.Today(clock));
        return new PeriodChoice(periods, chosen);
    }
}
