using Preau.Identity.Contracts;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Assessments;

/// <summary>A period of the school year (trimester or semester).</summary>
internal sealed record SchoolPeriod(int Number, string Label, DateOnly StartsOn, DateOnly EndsOn)
{
    public bool Contains(DateOnly day) => day >= StartsOn && day <= EndsOn;
}

/// <summary>
/// The periods of a school year, as most French schools cut it: trimesters end on 30 November and on the
/// last day of February (the class councils meet just after); semesters end on 31 January.
/// </summary>
internal static class SchoolPeriods
{
    public static IReadOnlyList<SchoolPeriod> Of(SchoolYearInfo year, PeriodKind kind)
    {
        var startYear = year.StartsOn.Year;
        if (kind == PeriodKind.Semesters)
        {
            var endOfJanuary = new DateOnly(startYear + 1, 1, 31);
            return
            [
                new(1, Platform.Localization.Text.Fr("1er semestre"), year.StartsOn, endOfJanuary),
                new(2, Platform.Localization.Text.Fr("2e semestre"), endOfJanuary.AddDays(1), year.EndsOn),
            ];
        }

        var endOfNovember = new DateOnly(startYear, 11, 30);
        var endOfFebruary = new DateOnly(startYear + 1, 3, 1).AddDays(-1);
        return
        [
            new(1, Platform.Localization.Text.Fr("1er trimestre"), year.StartsOn, endOfNovember),
            new(2, Platform.Localization.Text.Fr("2e trimestre"), endOfNovember.AddDays(1), endOfFebruary),
            new(3, Platform.Localization.Text.Fr("3e trimestre"), endOfFebruary.AddDays(1), year.EndsOn),
        ];
    }

    /// <summary>The period that contains the day, else the last one that started (or the first).</summary>
    public static SchoolPeriod Current(IReadOnlyList<SchoolPeriod> periods, DateOnly day) =>
        periods.FirstOrDefault(p => p.Contains(day)) ?? periods.LastOrDefault(p => p.StartsOn <= day) ?? periods[0];
}
