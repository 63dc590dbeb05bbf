using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.Identity.Accounts;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Directory;

/// <summary>Answers other modules' questions about structures, straight from the module's tables.</summary>
internal sealed class StructureDirectory(IdentityDbContext db, TenantContext tenant, TimeProvider clock, IMemoryCache cache) : IStructureDirectory
{
    /// <summary>Territory settings change rarely; a few minutes of staleness across processes is acceptable.</summary>
    private static readonly TimeSpan TerritoryCacheDuration = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Answers already given in this scope (a request), by question and ids: the home page's sections each ask
    /// for the same children, classes and schools, and one query serves them all. Forgotten whenever this
    /// scope's Identity context saves changes, so a page that writes then reads sees its own change.
    /// </summary>
    private readonly ScopeAnswers answers = new(db);

    public async Task<TerritoryInfo?> GetCurrentTerritoryAsync(CancellationToken cancellationToken = default)
    {
        if (tenant.TerritoryId is not { } territoryId)
        {
            return null;
        }

        return await cache.GetOrCreateAsync(("territory", territoryId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TerritoryCacheDuration;
            return await db.Territories.AsNoTracking().Where(t => t.Id == territoryId)
                .Select(t => new TerritoryInfo(t.Id, t.Name, t.Slug, t.PrimaryColor, t.TimeZoneId))
                .FirstOrDefaultAsync(cancellationToken);
        });
    }

    /// <summary>Forgets the cached territory after its settings changed (this process; others within minutes).</summary>
    internal static void ForgetTerritory(IMemoryCache cache, Guid territoryId)
    {
        cache.Remove(("territory", territoryId));
        cache.Remove(("theme", territoryId));
    }

    public async Task<SchoolYearInfo?> GetCurrentSchoolYearAsync(CancellationToken cancellationToken = default)
    {
        var year = await CurrentSchoolYearQuery(db, tenant.Today(clock)).FirstOrDefaultAsync(cancellationToken);
        return year is null ? null : new SchoolYearInfo(year.Id, year.Label, year.StartsOn, year.EndsOn);
    }

    /// <summary>The year that contains today, else the last one that started (the summer gap belongs to the past year).</summary>
    internal static IQueryable<SchoolYear> CurrentSchoolYearQuery(IdentityDbContext db, DateOnly today) =>
        db.SchoolYears.AsNoTracking().Where(y => y.StartsOn <= today).OrderByDescending(y => y.StartsOn).Take(1);

    public async Task<SchoolCalendar> GetSchoolCalendarAsync(CancellationToken cancellationToken = default)
    {
        var territoryId = tenant.RequiredTerritoryId;
        return (await cache.GetOrCreateAsync(("calendar", territoryId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TerritoryCacheDuration;
            var years = await db.SchoolYears.AsNoTracking().OrderBy(y => y.StartsOn)
                .Select(y => new SchoolYearInfo(y.Id, y.Label, y.StartsOn, y.EndsOn)).ToListAsync(cancellationToken);
            var holidays = await db.SchoolHolidays.AsNoTracking().OrderBy(h => h.StartsOn)
                .Select(h => new HolidayPeriod(h.Label, h.StartsOn, h.EndsOn)).ToListAsync(cancellationToken);
            return new SchoolCalendar(years, holidays);
        }))!;
    }

    /// <summary>Forgets the cached calendar after years or holidays changed (this process; others within minutes).</summary>
    internal static void ForgetCalendar(IMemoryCache cache, Guid territoryId) => cache.Remove(("calendar", territoryId));

    public async Task<SchoolInfo?> GetSchoolAsync(Guid schoolId, CancellationToken cancellationToken = default) =>
        (await GetSchoolsAsync([schoolId], cancellationToken)) is [var school, ..] ? school : null;

    public Task<IReadOnlyList<SchoolInfo>> GetSchoolsAsync(IEnumerable<Guid> schoolIds, CancellationToken cancellationToken = default) =>
        answers.GetOrLoadAsync(nameof(GetSchoolsAsync), schoolIds, s => s.Id, async ids => await SchoolsById(db, ids).ToListAsync(cancellationToken));

    // Compiled once, like the other lookups by ids below: nearly every page asks for schools, classes and
    // names, and building and looking up their LINQ on each request cost more than running them (decision 0017).
    private static readonly Func<IdentityDbContext, List<Guid>, IAsyncEnumerable<SchoolInfo>> SchoolsById = EF.CompileAsyncQuery(
        (IdentityDbContext db, List<Guid> ids) => db.Schools.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Name)
            .Select(s => new SchoolInfo(s.Id, s.Uai, s.Name, s.Kind, s.City, s.IsActive)));

    public async Task<IReadOnlyList<SchoolInfo>> ListSchoolsAsync(CancellationToken cancellationToken = default) =>
        await db.Schools.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name)
            .Select(s => new SchoolInfo(s.Id, s.Uai, s.Name, s.Kind, s.City, s.IsActive)).ToListAsync(cancellationToken);

    public async Task<ClassGroupInfo?> GetClassGroupAsync(Guid classGroupId, CancellationToken cancellationToken = default) =>
        (await GetClassGroupsAsync([classGroupId], cancellationToken)) is [var group, ..] ? group : null;

    public Task<IReadOnlyList<ClassGroupInfo>> GetClassGroupsAsync(IEnumerable<Guid> classGroupIds, CancellationToken cancellationToken = default) =>
        answers.GetOrLoadAsync(nameof(GetClassGroupsAsync), classGroupIds, c => c.Id, async ids => await ClassGroupsById(db, ids).ToListAsync(cancellationToken));

    private static readonly Func<IdentityDbContext, List<Guid>, IAsyncEnumerable<ClassGroupInfo>> ClassGroupsById = EF.CompileAsyncQuery(
        (IdentityDbContext db, List<Guid> ids) => db.ClassGroups.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new ClassGroupInfo(c.Id, c.SchoolId, c.SchoolYearId, c.Name, c.Level, c.Kind)));

    public async Task<IReadOnlyList<ClassGroupInfo>> ListClassGroupsOfSchoolAsync(Guid schoolId, CancellationToken cancellationToken = default) =>
        await db.ClassGroups.AsNoTracking().Where(c => c.SchoolId == schoolId && c.IsActive)
            .OrderBy(c => c.Kind).ThenBy(c => c.Name)
            .Select(c => new ClassGroupInfo(c.Id, c.SchoolId, c.SchoolYearId, c.Name, c.Level, c.Kind)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PupilInfo>> ListPupilsOfGroupAsync(Guid classGroupId, CancellationToken cancellationToken = default)
    {
        var pupilIds = await db.Enrolments.Where(e => e.ClassGroupId == classGroupId && e.EndsOn == null).Select(e => e.PupilId).ToListAsync(cancellationToken);
        return await PupilsById(db, pupilIds).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PupilInfo>> ListPupilsOfSchoolAsync(Guid schoolId, CancellationToken cancellationToken = default)
    {
        var pupilIds = await (from e in db.Enrolments
                              join c in db.ClassGroups on e.ClassGroupId equals c.Id
                              where c.SchoolId == schoolId && c.IsActive && c.Kind == ClassGroupKind.Class && e.EndsOn == null
                              select e.PupilId).ToListAsync(cancellationToken);
        return await PupilsById(db, pupilIds).ToListAsync(cancellationToken);
    }

    public Task<IReadOnlyList<PupilInfo>> GetPupilsAsync(IEnumerable<Guid> pupilIds, CancellationToken cancellationToken = default) =>
        answers.GetOrLoadAsync(nameof(GetPupilsAsync), pupilIds, p => p.Id, async ids => await PupilsById(db, ids).ToListAsync(cancellationToken));

    /// <summary>
    /// Pupils with their current class (the class, not a group), by name, in one query. Compiled once:
    /// children are asked for on nearly every family page, and building and looking up this tree on each
    /// request cost more than running it.
    /// </summary>
    private static readonly Func<IdentityDbContext, List<Guid>, IAsyncEnumerable<PupilInfo>> PupilsById = EF.CompileAsyncQuery(
        (IdentityDbContext db, List<Guid> ids) =>
            from a in db.Accounts.AsNoTracking()
            where ids.Contains(a.Id) && a.IsActive
            let current = (from e in db.Enrolments
                           join c in db.ClassGroups on e.ClassGroupId equals c.Id
                           where e.PupilId == a.Id && e.EndsOn == null && c.IsActive && c.Kind == ClassGroupKind.Class
                           select new { c.Id, c.Name, c.SchoolId }).FirstOrDefault()
            orderby a.LastName, a.FirstName
            select new PupilInfo(a.Id, a.FirstName, a.LastName, current == null ? null : current.Id, current == null ? null : current.Name, current == null ? null : current.SchoolId));

    public async Task<IReadOnlyList<GuardianInfo>> ListGuardiansOfPupilsAsync(IEnumerable<Guid> pupilIds, CancellationToken cancellationToken = default)
    {
        var ids = pupilIds.Distinct().ToList();
        return await (from l in db.GuardianLinks.AsNoTracking()
                      join g in db.Accounts on l.GuardianId equals g.Id
                      where ids.Contains(l.PupilId) && g.IsActive
                      orderby g.LastName, g.FirstName
                      select new GuardianInfo(g.Id, l.PupilId, g.FirstName, g.LastName, l.Relation, l.HasParentalAuthority, g.PasswordHash != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PersonInfo>> ListTeachersOfGroupAsync(Guid classGroupId, CancellationToken cancellationToken = default) =>
        await (from t in db.TeachingAssignments.AsNoTracking()
               join a in db.Accounts on t.TeacherId equals a.Id
               where t.ClassGroupId == classGroupId && t.EndsOn == null && a.IsActive
               select new { a.Id, a.FirstName, a.LastName })
            .Distinct() // a teacher may teach the group two subjects; ordered after, or the order is lost
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName)
            .Select(p => new PersonInfo(p.Id, p.FirstName, p.LastName)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<StaffInfo>> ListStaffOfSchoolAsync(Guid schoolId, Profile? profile = null, CancellationToken cancellationToken = default) =>
        await (from s in db.StaffAssignments.AsNoTracking()
               join a in db.Accounts on s.AccountId equals a.Id
               where s.SchoolId == schoolId && s.EndsOn == null && a.IsActive && (profile == null || s.Profile == profile)
               orderby a.LastName, a.FirstName
               select new StaffInfo(a.Id, s.SchoolId, a.FirstName, a.LastName, s.Profile)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<PersonInfo>> GetPeopleAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken = default) =>
        await People(db, accountIds.Distinct().ToList()).ToListAsync(cancellationToken);

    // Compiled once: names are asked for on most pages (mailbox, agenda, timetable).
    private static readonly Func<IdentityDbContext, List<Guid>, IAsyncEnumerable<PersonInfo>> People = EF.CompileAsyncQuery(
        (IdentityDbContext db, List<Guid> ids) => db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new PersonInfo(a.Id, a.FirstName, a.LastName)));

    public async Task<IReadOnlyList<PersonInfo>> ListAccountsWithProfileAsync(Profile profile, CancellationToken cancellationToken = default) =>
        await db.Accounts.AsNoTracking().Where(a => a.IsActive && (a.Profiles & profile) != 0)
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new PersonInfo(a.Id, a.FirstName, a.LastName)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ContactInfo>> GetContactsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken = default)
    {
        var ids = accountIds.Distinct().ToList();
        return await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new ContactInfo(a.Id, a.FirstName + " " + a.LastName, a.Email, a.PreferredLanguage ?? "fr", a.IsActive))
            .ToListAsync(cancellationToken);
    }

    public async Task<TerritoryTheme?> GetCurrentThemeAsync(CancellationToken cancellationToken = default)
    {
        if (tenant.TerritoryId is not { } territoryId)
        {
            return null;
        }

        return await cache.GetOrCreateAsync(("theme", territoryId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TerritoryCacheDuration;
            var territory = await db.Territories.AsNoTracking().Where(t => t.Id == territoryId)
                .Select(t => new { t.Name, t.PrimaryColor, t.LogoKey, t.LogoChangedAt })
                .FirstOrDefaultAsync(cancellationToken);
            return territory is null ? null : new TerritoryTheme(
                territory.Name,
                territory.PrimaryColor,
                territory.LogoKey is null ? null : $"/territoire/logo?v={territory.LogoChangedAt.GetValueOrDefault().Ticks:x}");
        });
    }

    public async Task<TerritoryInfo?> FindTerritoryBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        var normalized = slug.Trim().ToLowerInvariant();
        if (normalized.Length is 0 or > 100)
        {
            return null;
        }

        return await cache.GetOrCreateAsync(("territory-slug", normalized), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TerritoryCacheDuration;
            // The one lookup that crosses territories: a public page has not entered any yet.
            return await db.Territories.IgnoreQueryFilters().AsNoTracking().Where(t => t.Slug == normalized)
                .Select(t => new TerritoryInfo(t.Id, t.Name, t.Slug, t.PrimaryColor, t.TimeZoneId))
                .FirstOrDefaultAsync(cancellationToken);
        });
    }

    public async Task<SchoolInfo?> FindSchoolByUaiAsync(string uai, CancellationToken cancellationToken = default)
    {
        var normalized = uai.Trim().ToUpperInvariant();
        return await db.Schools.AsNoTracking().Where(s => s.Uai == normalized && s.IsActive)
            .Select(s => new SchoolInfo(s.Id, s.Uai, s.Name, s.Kind, s.City, s.IsActive)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AccountPlacement>> GetPlacementsAsync(IEnumerable<Guid> accountIds, CancellationToken cancellationToken = default)
    {
        var ids = accountIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Profiles, a.IsActive }).ToListAsync(cancellationToken);
        var staff = (await db.StaffAssignments.AsNoTracking().Where(s => ids.Contains(s.AccountId) && s.EndsOn == null)
                .Select(s => new { s.AccountId, s.SchoolId, s.Profile }).ToListAsync(cancellationToken))
            .ToLookup(s => s.AccountId);
        var taught = (await (from t in db.TeachingAssignments.AsNoTracking()
                             join c in db.ClassGroups on t.ClassGroupId equals c.Id
                             where ids.Contains(t.TeacherId) && t.EndsOn == null && c.IsActive
                             select new { t.TeacherId, c.Id, c.SchoolId }).ToListAsync(cancellationToken))
            .ToLookup(t => t.TeacherId);
        var links = await db.GuardianLinks.AsNoTracking().Where(l => ids.Contains(l.GuardianId))
            .Select(l => new { l.GuardianId, l.PupilId }).ToListAsync(cancellationToken);
        var pupilIds = ids.Concat(links.Select(l => l.PupilId)).Distinct().ToList();
        var groups = (await (from e in db.Enrolments.AsNoTracking()
                             join c in db.ClassGroups on e.ClassGroupId equals c.Id
                             where pupilIds.Contains(e.PupilId) && e.EndsOn == null && c.IsActive
                             select new { e.PupilId, c.Id, c.SchoolId }).ToListAsync(cancellationToken))
            .ToLookup(e => e.PupilId);
        var children = links.ToLookup(l => l.GuardianId, l => l.PupilId);

        return accounts.Select(a => new AccountPlacement(
                a.Id,
                a.Profiles,
                a.IsActive,
                staff[a.Id].GroupBy(s => s.SchoolId).ToDictionary(g => g.Key, g => g.Aggregate(Profile.None, (all, s) => all | s.Profile)),
                taught[a.Id].DistinctBy(t => t.Id).ToDictionary(t => t.Id, t => t.SchoolId),
                groups[a.Id].DistinctBy(g => g.Id).ToDictionary(g => g.Id, g => g.SchoolId),
                children[a.Id].SelectMany(child => groups[child]).DistinctBy(g => g.Id).ToDictionary(g => g.Id, g => g.SchoolId)))
            .ToList();
    }

    public async Task<IReadOnlyList<PersonInfo>> SearchAccountsAsync(string text, Profile profiles, int limit, CancellationToken cancellationToken = default)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(4).Select(w => w.ToLowerInvariant()).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var query = db.Accounts.AsNoTracking().Where(a => a.IsActive && (a.Profiles & profiles) != 0);
        foreach (var word in words)
        {
#pragma warning disable CA1862 // EF Core translates ToLower().Contains() to SQL; the StringComparison overload is not translatable.
            query = query.Where(a => (a.FirstName + " " + a.LastName).ToLower().Contains(word));
#pragma warning restore CA1862
        }

        return await query.OrderBy(a => a.LastName).ThenBy(a => a.FirstName).Take(Math.Clamp(limit, 1, 100))
            .Select(a => new PersonInfo(a.Id, a.FirstName, a.LastName)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Guid>> ListGuardianIdsOfSchoolAsync(Guid schoolId, CancellationToken cancellationToken = default) =>
        await GuardianIdsOf(db.ClassGroups.Where(c => c.SchoolId == schoolId && c.IsActive && c.Kind == ClassGroupKind.Class)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> ListGuardianIdsOfGroupAsync(Guid classGroupId, CancellationToken cancellationToken = default) =>
        await GuardianIdsOf(db.ClassGroups.Where(c => c.Id == classGroupId)).ToListAsync(cancellationToken);

    private IQueryable<Guid> GuardianIdsOf(IQueryable<ClassGroup> groups) =>
        (from c in groups.AsNoTracking()
         join e in db.Enrolments on c.Id equals e.ClassGroupId
         join p in db.Accounts on e.PupilId equals p.Id
         join l in db.GuardianLinks on e.PupilId equals l.PupilId
         join g in db.Accounts on l.GuardianId equals g.Id
         where e.EndsOn == null && p.IsActive && g.IsActive
         select l.GuardianId).Distinct();

    public Task<IReadOnlyList<PupilGroupInfo>> ListGroupsOfPupilsAsync(IEnumerable<Guid> pupilIds, CancellationToken cancellationToken = default) =>
        answers.GetOrLoadAsync(nameof(ListGroupsOfPupilsAsync), pupilIds, g => g.PupilId, async ids => await GroupsOfPupils(db, ids).ToListAsync(cancellationToken));

    private static readonly Func<IdentityDbContext, List<Guid>, IAsyncEnumerable<PupilGroupInfo>> GroupsOfPupils = EF.CompileAsyncQuery(
        (IdentityDbContext db, List<Guid> ids) =>
            from e in db.Enrolments.AsNoTracking()
            join c in db.ClassGroups on e.ClassGroupId equals c.Id
            join a in db.Accounts on e.PupilId equals a.Id
            where ids.Contains(e.PupilId) && e.EndsOn == null && c.IsActive && a.IsActive
            orderby a.FirstName, c.Kind, c.Name
            select new PupilGroupInfo(e.PupilId, a.FirstName, a.LastName, c.Id, c.SchoolId, c.SchoolYearId, c.Name, c.Kind));

    public async Task<IReadOnlyList<TeachingInfo>> ListTeachingOfGroupsAsync(IEnumerable<Guid> classGroupIds, CancellationToken cancellationToken = default)
    {
        var ids = classGroupIds.Distinct().ToList();
        return await (from t in db.TeachingAssignments.AsNoTracking()
                      join a in db.Accounts on t.TeacherId equals a.Id
                      where ids.Contains(t.ClassGroupId) && t.EndsOn == null && a.IsActive
                      orderby a.LastName, a.FirstName
                      select new TeachingInfo(t.ClassGroupId, a.Id, a.FirstName, a.LastName, t.Subject))
            .ToListAsync(cancellationToken);
    }
}
