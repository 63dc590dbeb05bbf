using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.Platform.Text;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Absences;

/// <summary>
/// Attendance statistics of a school or class over a period, the pupils above the monthly threshold of
/// unjustified half-days (Code de l’éducation, L131-8), and their CSV export.
/// </summary>
[Authorize(Policy = SchoolLifePermissions.FollowAttendance)]
internal sealed class StatisticsModel(ReadAbsences absences, IAccountRelations relations, IStructureDirectory directory, SchoolLifeSettingsStore settings, TenantContext tenant, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    /// <summary>Statistics cover at most a school year and a bit: beyond, the page would only be slow.</summary>
    public const int MaxDays = 400;

    [BindProperty(SupportsGet = true, Name = "ecole")]
    public Guid? SchoolId { get; set; }

    [BindProperty(SupportsGet = true, Name = "classe")]
    public Guid? ClassId { get; set; }

    [BindProperty(SupportsGet = true, Name = "du")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "au")]
    public DateOnly? To { get; set; }

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public IReadOnlyList<ClassGroupInfo> Classes { get; private set; } = [];

    public AttendanceReport? Report { get; private set; }

    public int Threshold { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await BuildAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await BuildAsync(cancellationToken) || Report is null)
        {
            return NotFound();
        }

        // Semicolon-separated UTF-8 with a BOM: what French spreadsheets open without an import dialog.
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(';', localizer["Nom"], localizer["Prénom"], localizer["Classe"], localizer["Demi-journées d’absence"], localizer["dont non justifiées"], localizer["Retards"], localizer["Taux d’absence (%)"]));
        foreach (var line in Report.Pupils.OrderBy(p => p.Pupil.ClassName).ThenBy(p => p.Pupil.LastName).ThenBy(p => p.Pupil.FirstName))
        {
            csv.AppendLine(string.Join(';',
                CsvCell.Of(line.Pupil.LastName), CsvCell.Of(line.Pupil.FirstName), CsvCell.Of(line.Pupil.ClassName ?? string.Empty),
                line.Summary.AbsentHalfDays.ToString(CultureInfo.InvariantCulture), line.Summary.UnjustifiedHalfDays.ToString(CultureInfo.InvariantCulture),
                line.Summary.LateArrivals.ToString(CultureInfo.InvariantCulture), line.Summary.AbsenceRate.ToString("0.00", CultureInfo.GetCultureInfo("fr-FR"))));
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"assiduite-{Report.From:yyyy-MM-dd}-{Report.To:yyyy-MM-dd}.csv");
    }

    private async Task<bool> BuildAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        Schools = await directory.GetSchoolsAsync(actor.SchoolRoles.Keys.Where(s => Visibility.CanFollowAttendance(actor, s)), cancellationToken);
        if (Schools.Count == 0)
        {
            return true;
        }

        var school = SchoolId is { } chosen ? Schools.FirstOrDefault(s => s.Id == chosen) : Schools[0];
        if (school is null)
        {
            return false;
        }

        SchoolId = school.Id;
        Classes = (await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken)).Where(c => c.Kind == ClassGroupKind.Class).ToList();
        if (ClassId is { } classId && Classes.All(c => c.Id != classId))
        {
            return false;
        }

        var today = tenant.Today(clock);
        var year = (await directory.GetSchoolCalendarAsync(cancellationToken)).YearOf(today);
        From ??= year?.StartsOn ?? today.AddDays(-30);
        To ??= today;
        if (To < From)
        {
            ModelState.AddModelError("au", localizer["La fin de la période ne peut pas précéder son début."]);
            return true;
        }

        if (To.Value.DayNumber - From.Value.DayNumber > MaxDays)
        {
            ModelState.AddModelError("au", localizer["Choisissez une période de {0} jours au plus.", MaxDays]);
            return true;
        }

        Threshold = (await settings.GetAsync(school.Id, cancellationToken)).MonthlyAlertThreshold;
        Report = await absences.StatisticsAsync(school.Id, ClassId, From.Value, To.Value, Threshold, cancellationToken);
        return true;
    }
}
