using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Calendar;
using Preau.Identity.Classes;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin;

/// <summary>The school calendar: school years and school holidays of the territory.</summary>
[Authorize(Policy = IdentityPermissions.ManageTerritory)]
internal sealed class CalendarModel(IdentityDbContext db, SaveSchoolYear years, SaveSchoolHoliday holidays, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "annee")]
    public Guid? EditedYearId { get; set; }

    [BindProperty]
    public PeriodForm Year { get; set; } = new();

    [BindProperty]
    public PeriodForm Holiday { get; set; } = new();

    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];

    public IReadOnlyList<SchoolHoliday> Holidays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (EditedYearId is { } id)
        {
            if (Years.FirstOrDefault(y => y.Id == id) is not { } year)
            {
                return NotFound();
            }

            Year = new PeriodForm { Label = year.Label, StartsOn = year.StartsOn, EndsOn = year.EndsOn };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostYearAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Year));
        if (ModelState.IsValid)
        {
            var (result, _) = await years.RunAsync(User.RequiredAccountId(), EditedYearId, new SchoolYearInput(Year.Label ?? string.Empty, Year.StartsOn, Year.EndsOn), cancellationToken);
            if (result.Succeeded)
            {
                this.Flash(localizer["L’année scolaire est enregistrée."]);
                return RedirectToPage(new { annee = (Guid?)null });
            }

            ModelState.AddErrors(result, localizer, nameof(Year));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteYearAsync(Guid yearId, CancellationToken cancellationToken)
    {
        var result = await years.DeleteAsync(User.RequiredAccountId(), yearId, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddErrors(result, localizer, nameof(Year));
            await LoadAsync(cancellationToken);
            return Page();
        }

        this.Flash(localizer["L’année scolaire est supprimée."]);
        return RedirectToPage(new { annee = (Guid?)null });
    }

    public async Task<IActionResult> OnPostFillAsync(Guid yearId, CancellationToken cancellationToken)
    {
        var added = await holidays.FillIndicativeAsync(User.RequiredAccountId(), yearId, cancellationToken);
        this.Flash(added == 0
            ? localizer["Aucune période ajoutée : les vacances de cette année sont déjà saisies."]
            : localizer["{0} périodes de vacances indicatives ajoutées. Vérifiez-les avec le calendrier officiel de votre zone.", added]);
        return RedirectToPage(new { annee = (Guid?)null });
    }

    public async Task<IActionResult> OnPostHolidayAsync(CancellationToken cancellationToken)
    {
        ModelState.KeepOnly(nameof(Holiday));
        if (ModelState.IsValid)
        {
            var result = await holidays.AddAsync(User.RequiredAccountId(), new SchoolHolidayInput(Holiday.Label ?? string.Empty, Holiday.StartsOn, Holiday.EndsOn), cancellationToken);
            if (result.Succeeded)
            {
                this.Flash(localizer["Les vacances sont ajoutées."]);
                return RedirectToPage(new { annee = (Guid?)null });
            }

            ModelState.AddErrors(result, localizer, nameof(Holiday));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteHolidayAsync(Guid holidayId, CancellationToken cancellationToken)
    {
        await holidays.DeleteAsync(User.RequiredAccountId(), holidayId, cancellationToken);
        this.Flash(localizer["Les vacances sont supprimées."]);
        return RedirectToPage(new { annee = (Guid?)null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Years = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartsOn).ToListAsync(cancellationToken);
        Holidays = await db.SchoolHolidays.AsNoTracking().OrderByDescending(h => h.StartsOn).Take(200).ToListAsync(cancellationToken);
    }
}

/// <summary>A labelled period (a school year or holidays).</summary>
internal sealed class PeriodForm
{
    [Required(ErrorMessage = "Indiquez un nom.")]
    [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
    public string? Label { get; set; }

    [Required(ErrorMessage = "Indiquez le premier jour.")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Indiquez le dernier jour.")]
    public DateOnly? EndsOn { get; set; }
}
