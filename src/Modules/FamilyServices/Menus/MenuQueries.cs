using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Menus;

/// <summary>Reads menus: the agent's list, one week of a school, the dishes of a few days for a few schools.</summary>
internal sealed class MenuQueries(FamilyServicesDbContext db)
{
    public const int PageSize = 30;

    /// <summary>The menus from a week on, newest weeks last, paginated.</summary>
    public async Task<PageOf<MenuWeek>> ListAsync(DateOnly fromWeek, int page, CancellationToken cancellationToken)
    {
        var query = db.MenuWeeks.AsNoTracking().Where(m => m.WeekStart >= fromWeek);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.Include(m => m.Schools).OrderBy(m => m.WeekStart).ThenBy(m => m.Kitchen)
            .Skip((page - 1) * PageSize).Take(PageSize).AsSplitQuery().ToListAsync(cancellationToken);
        return new PageOf<MenuWeek>(items, page, PageSize, total);
    }

    public async Task<MenuWeek?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.MenuWeeks.AsNoTracking().Include(m => m.Schools).Include(m => m.Dishes).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>The published menu of a school for a week (one indexed lookup, then its dishes), or null.</summary>
    public async Task<MenuWeek?> PublishedForSchoolAsync(Guid schoolId, DateOnly weekStart, CancellationToken cancellationToken)
    {
        var id = await (from s in db.MenuSchools
                        join m in db.MenuWeeks on s.MenuWeekId equals m.Id
                        where s.SchoolId == schoolId && s.WeekStart == weekStart && m.Status == MenuStatus.Published
                        select (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await db.MenuWeeks.AsNoTracking().Include(m => m.Dishes).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>The published dishes of some days for some schools, with the school they serve: one query.</summary>
    public async Task<IReadOnlyList<(Guid SchoolId, MenuDish Dish)>> PublishedDishesAsync(IReadOnlyCollection<Guid> schoolIds, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        if (schoolIds.Count == 0 || days.Count == 0)
        {
            return [];
        }

        var weeks = days.Select(MenuNames.MondayOf).Distinct().ToList();
        var rows = await Dishes(db, [.. schoolIds], weeks, [.. days]).ToListAsync(cancellationToken);
        return rows.Select(r => (r.SchoolId, r.Dish)).ToList();
    }

    private sealed record SchoolDish(Guid SchoolId, MenuDish Dish);

    // Compiled once: every family's home asks it (decision 0017).
    private static readonly Func<FamilyServicesDbContext, List<Guid>, List<DateOnly>, List<DateOnly>, IAsyncEnumerable<SchoolDish>> Dishes = EF.CompileAsyncQuery(
        (FamilyServicesDbContext db, List<Guid> schoolIds, List<DateOnly> weeks, List<DateOnly> days) =>
            (from s in db.MenuSchools
             join m in db.MenuWeeks on s.MenuWeekId equals m.Id
             join d in db.MenuDishes on m.Id equals d.MenuWeekId
             where schoolIds.Contains(s.SchoolId) && weeks.Contains(s.WeekStart) && m.Status == MenuStatus.Published && days.Contains(d.Day)
             select new SchoolDish(s.SchoolId, d)).AsNoTracking());
}
