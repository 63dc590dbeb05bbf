using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Menus;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Menus;

/// <summary>
/// One day of a week's menu: each dish with its course, name, allergens (the 14 of the regulation, as
/// checkboxes: never free text) and labels. Empty rows are ignored; an unknown allergen code is refused.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ManageMenus)]
internal sealed class DayModel(MenuQueries menus, EditMenu edit, IStringLocalizer localizer) : PageModel
{
    public const int Rows = 8;

    public MenuWeek Menu { get; private set; } = null!;

    public DateOnly Day { get; private set; }

    [BindProperty]
    public List<DishRow> Dishes { get; set; } = [];

    [BindProperty]
    public Guid Stamp { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly day, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, day, cancellationToken))
        {
            return NotFound();
        }

        Dishes = Menu.Dishes.Where(d => d.Day == day).OrderBy(d => d.Course).ThenBy(d => d.Position)
            .Select(d => new DishRow
            {
                Course = d.Course.ToString(),
                Name = d.Name,
                Allergens = Allergens.In(d.Allergens).Select(Allergens.Code).ToList(),
                Labels = MenuNames.Split(d.Labels).Select(MenuNames.Code).ToList(),
            }).ToList();
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, DateOnly day, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, day, cancellationToken))
        {
            return NotFound();
        }

        if (Dishes.Count > EditMenu.MaxDishesPerDay + Rows)
        {
            ModelState.AddModelError(nameof(Dishes), localizer["Un jour compte {0} plats au plus.", EditMenu.MaxDishesPerDay]);
            Dishes = Dishes.Take(Rows).ToList();
            return Page();
        }

        var inputs = new List<DishInput>();
        for (var i = 0; i < Dishes.Count; i++)
        {
            var row = Dishes[i];
            if (string.IsNullOrWhiteSpace(row.Name) && row.Allergens.Count == 0 && row.Labels.Count == 0)
            {
                continue;
            }

            if (!Enum.TryParse<Course>(row.Course, out var course) || !Enum.IsDefined(course))
            {
                ModelState.AddModelError(nameof(Dishes), localizer["Plat {0} : choisissez le type de plat.", i + 1]);
                continue;
            }

            var allergens = Allergen.None;
            foreach (var code in row.Allergens)
            {
                if (Allergens.FromCode(code) is { } allergen)
                {
                    allergens |= allergen;
                }
                else
                {
                    ModelState.AddModelError(nameof(Dishes), localizer["Plat {0} : allergène inconnu « {1} ». Seuls les 14 allergènes réglementaires sont acceptés.", i + 1, code.Length > 40 ? code[..40] : code]);
                }
            }

            var labels = DishLabel.None;
            foreach (var code in row.Labels)
            {
                var label = MenuNames.Labels.FirstOrDefault(l => MenuNames.Code(l) == code);
                if (label == DishLabel.None)
                {
                    ModelState.AddModelError(nameof(Dishes), localizer["Plat {0} : label inconnu « {1} ».", i + 1, code.Length > 40 ? code[..40] : code]);
                }

                labels |= label;
            }

            inputs.Add(new DishInput(course, row.Name ?? string.Empty, allergens, labels));
        }

        if (ModelState.IsValid)
        {
            foreach (var error in await edit.SaveDayAsync(id, Stamp, day, inputs, cancellationToken))
            {
                ModelState.AddModelError(error.Field.Length == 0 ? string.Empty : nameof(Dishes), localizer[error.Message, error.Arguments]);
            }
        }

        if (!ModelState.IsValid)
        {
            Pad();
            return Page();
        }

        this.Flash(localizer["Menu du {0} enregistré.", day.ToString("dddd d MMMM", System.Globalization.CultureInfo.CurrentCulture)]);
        return Redirect($"/menus/gestion/{id}");
    }

    private void Pad()
    {
        while (Dishes.Count < Rows)
        {
            Dishes.Add(new DishRow { Course = ((Course)Math.Min(Dishes.Count, (int)Course.Snack)).ToString() });
        }
    }

    private async Task<bool> LoadAsync(Guid id, DateOnly day, CancellationToken cancellationToken)
    {
        if (await menus.FindAsync(id, cancellationToken) is not { } menu || !menu.Days.Contains(day))
        {
            return false;
        }

        Menu = menu;
        Day = day;
        if (Stamp == Guid.Empty)
        {
            Stamp = menu.ConcurrencyStamp;
        }

        return true;
    }
}

internal sealed class DishRow
{
    public string? Course { get; set; }

    [System.ComponentModel.DataAnnotations.StringLength(MenuDish.MaxNameLength, ErrorMessage = "Le nom d’un plat compte 150 caractères au plus.")]
    public string? Name { get; set; }

    public List<string> Allergens { get; set; } = [];

    public List<string> Labels { get; set; } = [];
}
