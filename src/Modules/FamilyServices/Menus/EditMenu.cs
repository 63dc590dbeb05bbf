using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Menus;

/// <summary>A dish as typed in the day's form.</summary>
internal sealed record DishInput(Course Course, string Name, Allergen Allergens, DishLabel Labels);

/// <summary>
/// Writing menus: a week for one school or a central kitchen's schools, each day's dishes with their
/// allergens (checked against the 14 of the regulation) and labels, then publication to families. A school
/// has at most one published menu a week, so families never see two.
/// </summary>
internal sealed class EditMenu(FamilyServicesDbContext db, IStructureDirectory directory, TimeProvider clock)
{
    public const int MaxDishesPerDay = 12;

    public async Task<(MenuWeek? Menu, IReadOnlyList<RuleError> Errors)> CreateAsync(DateOnly anyDayOfWeek, string kitchen, IReadOnlyCollection<Guid> schoolIds, CancellationToken cancellationToken)
    {
        var errors = new List<RuleError>();
        kitchen = kitchen.Trim();
        if (kitchen.Length == 0 || kitchen.Length > 200 || HasMarkup(kitchen))
        {
            errors.Add(new RuleError("Input.Kitchen", Fr("Indiquez la cuisine ou l’école (200 caractères au plus, sans < ni >).")));
        }

        if (anyDayOfWeek.Year is < 2000 or > 2100)
        {
            errors.Add(new RuleError("Input.Week", Fr("Cette semaine n’est pas plausible.")));
        }

        var schools = await directory.GetSchoolsAsync(schoolIds, cancellationToken);
        if (schoolIds.Count == 0 || schoolIds.Count > MenuWeek.MaxSchools)
        {
            errors.Add(new RuleError("Input.Schools", Fr("Choisissez la ou les écoles servies par ce menu.")));
        }
        else if (schools.Count != schoolIds.Distinct().Count())
        {
            // A school id of another territory, or forged: refused without saying which exists.
            errors.Add(new RuleError("Input.Schools", Fr("Une des écoles choisies n’existe pas.")));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var week = MenuNames.MondayOf(anyDayOfWeek);
        var menu = new MenuWeek
        {
            WeekStart = week,
            Kitchen = kitchen,
            Schools = schools.Select(s => new MenuSchool { SchoolId = s.Id, WeekStart = week }).ToList(),
        };
        db.MenuWeeks.Add(menu);
        await db.SaveChangesAsync(cancellationToken);
        return (menu, []);
    }

    /// <summary>Replaces one day's dishes (an empty list: no meal that day).</summary>
    public async Task<IReadOnlyList<RuleError>> SaveDayAsync(Guid menuId, Guid stamp, DateOnly day, IReadOnlyList<DishInput> dishes, CancellationToken cancellationToken)
    {
        var menu = await db.MenuWeeks.Include(m => m.Dishes).FirstOrDefaultAsync(m => m.Id == menuId, cancellationToken);
        if (menu is null)
        {
            return [new RuleError(string.Empty, Fr("Ce menu n’existe pas."))];
        }

        if (!menu.Days.Contains(day))
        {
            return [new RuleError(string.Empty, Fr("Ce jour n’est pas dans la semaine du menu."))];
        }

        var errors = CheckDishes(dishes).ToList();
        if (errors.Count > 0)
        {
            return errors;
        }

        if (menu.ConcurrencyStamp != stamp)
        {
            return [new RuleError(string.Empty, Fr("Ce menu a été modifié par quelqu’un d’autre entre-temps : rechargez la page."))];
        }

        menu.SetDay(day, dishes.Select((d, i) => new MenuDish
        {
            MenuWeekId = menu.Id,
            Day = day,
            Course = d.Course,
            Position = i,
            Name = d.Name.Trim(),
            Allergens = d.Allergens,
            Labels = d.Labels,
        }));
        return await SaveAsync(cancellationToken);
    }

    public static IEnumerable<RuleError> CheckDishes(IReadOnlyList<DishInput> dishes)
    {
        if (dishes.Count > MaxDishesPerDay)
        {
            yield return new RuleError("Dishes", Fr("Un jour compte {0} plats au plus."), MaxDishesPerDay);
            yield break;
        }

        for (var i = 0; i < dishes.Count; i++)
        {
            var dish = dishes[i];
            var name = dish.Name.Trim();
            if (name.Length == 0 || name.Length > MenuDish.MaxNameLength)
            {
                yield return new RuleError("Dishes", Fr("Plat {0} : le nom compte de 1 à {1} caractères."), i + 1, MenuDish.MaxNameLength);
            }
            else if (HasMarkup(name))
            {
                yield return new RuleError("Dishes", Fr("Plat {0} : le nom ne peut pas contenir les caractères < et >."), i + 1);
            }

            if (!Allergens.IsKnown(dish.Allergens))
            {
                yield return new RuleError("Dishes", Fr("Plat {0} : un allergène inconnu a été envoyé ; seuls les 14 allergènes réglementaires sont acceptés."), i + 1);
            }

            if ((dish.Labels & ~MenuNames.AllLabels) != DishLabel.None || !Enum.IsDefined(dish.Course))
            {
                yield return new RuleError("Dishes", Fr("Plat {0} : un label ou un type de plat inconnu a été envoyé."), i + 1);
            }
        }
    }

    /// <summary>Publishes a week to families, unless one of its schools already has another published menu that week.</summary>
    public async Task<IReadOnlyList<RuleError>> PublishAsync(Guid menuId, Guid stamp, Guid agentId, CancellationToken cancellationToken)
    {
        var menu = await db.MenuWeeks.Include(m => m.Schools).Include(m => m.Dishes).FirstOrDefaultAsync(m => m.Id == menuId, cancellationToken);
        if (menu is null)
        {
            return [new RuleError(string.Empty, Fr("Ce menu n’existe pas."))];
        }

        if (menu.ConcurrencyStamp != stamp)
        {
            return [new RuleError(string.Empty, Fr("Ce menu a été modifié par quelqu’un d’autre entre-temps : rechargez la page."))];
        }

        if (menu.Dishes.Count == 0)
        {
            return [new RuleError(string.Empty, Fr("Ce menu n’a encore aucun plat : remplissez au moins un jour avant de le publier."))];
        }

        var schoolIds = menu.Schools.Select(s => s.SchoolId).ToList();
        var clash = await (from s in db.MenuSchools
                           join m in db.MenuWeeks on s.MenuWeekId equals m.Id
                           where schoolIds.Contains(s.SchoolId) && s.WeekStart == menu.WeekStart && m.Status == MenuStatus.Published && m.Id != menu.Id
                           select new { s.SchoolId, m.Kitchen }).FirstOrDefaultAsync(cancellationToken);
        if (clash is not null)
        {
            var school = await directory.GetSchoolAsync(clash.SchoolId, cancellationToken);
            return [new RuleError(string.Empty, Fr("{0} a déjà un menu publié cette semaine (« {1} ») : dépubliez-le ou retirez l’école de ce menu."), school?.Name ?? string.Empty, clash.Kitchen)];
        }

        menu.Publish(agentId, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RuleError>> UnpublishAsync(Guid menuId, CancellationToken cancellationToken)
    {
        var menu = await db.MenuWeeks.FirstOrDefaultAsync(m => m.Id == menuId, cancellationToken);
        if (menu is null)
        {
            return [new RuleError(string.Empty, Fr("Ce menu n’existe pas."))];
        }

        menu.Unpublish();
        return await SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RuleError>> DeleteAsync(Guid menuId, CancellationToken cancellationToken)
    {
        var menu = await db.MenuWeeks.FirstOrDefaultAsync(m => m.Id == menuId, cancellationToken);
        if (menu is null || menu.IsPublished)
        {
            return [new RuleError(string.Empty, Fr("Seul un menu en brouillon peut être supprimé : dépubliez-le d’abord."))];
        }

        db.MenuWeeks.Remove(menu);
        return await SaveAsync(cancellationToken);
    }

    private static bool HasMarkup(string text) => text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal);

    private async Task<IReadOnlyList<RuleError>> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new RuleError(string.Empty, Fr("Ce menu a été modifié par quelqu’un d’autre entre-temps : rechargez la page."))];
        }
    }
}
