using System.Security.Claims;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Menus;

/// <summary>Today's and the next school day's canteen menu for each child's school, on the guardian's home page.</summary>
internal sealed class MenuHomeSection(IAccountRelations relations, IStructureDirectory directory, MenuQueries menus, HomeScopes scopes, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    public int Order => 30;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Guardian))
        {
            return null;
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        if (actor.Children.Count == 0)
        {
            return null;
        }

        var children = await directory.GetPupilsAsync(actor.Children.Keys, cancellationToken);
        // A menu's week and dishes carry no school: their changes bump the territory (menus change in the town's office hours).
        scopes.Follow([actor.AccountId, tenant.RequiredTerritoryId, .. actor.Children.Keys, .. children.Where(c => c.SchoolId is not null).Select(c => c.SchoolId!.Value)]);
        var schoolIds = children.Where(c => c.SchoolId is not null).Select(c => c.SchoolId!.Value).Distinct().ToList();
        if (schoolIds.Count == 0)
        {
            return null;
        }

        var today = tenant.Today(clock);
        var next = NextWeekday(today);
        var days = new[] { today, next };
        var dishes = await menus.PublishedDishesAsync(schoolIds, days, cancellationToken);
        var schools = await directory.GetSchoolsAsync(schoolIds, cancellationToken);
        var model = new MenuHomeModel(
            today,
            schools.Select(s => new MenuHomeSchool(
                s.Id,
                s.Name,
                children.Where(c => c.SchoolId == s.Id).Select(c => c.FirstName).ToList(),
                days.Select(d => new MenuHomeDay(d, dishes.Where(x => x.SchoolId == s.Id && x.Dish.Day == d).Select(x => x.Dish).OrderBy(x => x.Course).ThenBy(x => x.Position).ToList())).ToList())).ToList());
        return new HomeSectionView("/Pages/Menus/_HomeSection.cshtml", model);
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        var next = day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }
}

internal sealed record MenuHomeModel(DateOnly Today, IReadOnlyList<MenuHomeSchool> Schools);

internal sealed record MenuHomeSchool(Guid SchoolId, string Name, IReadOnlyList<string> Children, IReadOnlyList<MenuHomeDay> Days);

internal sealed record MenuHomeDay(DateOnly Day, IReadOnlyList<MenuDish> Dishes);
