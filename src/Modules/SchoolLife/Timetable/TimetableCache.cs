using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Timetable;

/// <summary>
/// What every timetable and home page reads and almost never changes: the weekly slots of a class or of a
/// teacher, and the names of teachers and groups. Cached per process so that the busy hours' pages cost no
/// query for them. A process forgets what it changed at once; other processes see a change within
/// <see cref="SlotsDuration"/> (slots are entered in September and rarely touched after; the day-to-day
/// changes, which matter at once, are never cached). Cached slots are shared read-only instances.
/// </summary>
internal sealed class TimetableCache(SchoolLifeDbContext db, IStructureDirectory directory, IMemoryCache cache, TenantContext tenant)
{
    /// <summary>How long slots stay cached.</summary>
    public static readonly TimeSpan SlotsDuration = TimeSpan.FromMinutes(1);

    /// <summary>How long names stay cached (a renamed class or teacher shows within minutes).</summary>
    public static readonly TimeSpan NamesDuration = TimeSpan.FromMinutes(10);

    /// <summary>The slots of the given classes and groups, in one query for those not cached.</summary>
    public async Task<IReadOnlyList<TimetableSlot>> SlotsOfGroupsAsync(IReadOnlyCollection<Guid> classGroupIds, CancellationToken cancellationToken)
    {
        var (found, missing) = Lookup<IReadOnlyList<TimetableSlot>>("group-slots", classGroupIds);
        if (missing.Count > 0)
        {
            var loaded = (await db.TimetableSlots.AsNoTracking().Where(s => missing.Contains(s.ClassGroupId)).ToListAsync(cancellationToken)).ToLookup(s => s.ClassGroupId);
            foreach (var groupId in missing)
            {
                found[groupId] = Store<IReadOnlyList<TimetableSlot>>("group-slots", groupId, loaded[groupId].ToList(), SlotsDuration);
            }
        }

        return found.Values.SelectMany(s => s).ToList();
    }

    /// <summary>The slots a teacher gives.</summary>
    public async Task<IReadOnlyList<TimetableSlot>> SlotsOfTeacherAsync(Guid teacherId, CancellationToken cancellationToken)
    {
        var (found, missing) = Lookup<IReadOnlyList<TimetableSlot>>("teacher-slots", [teacherId]);
        if (missing.Count > 0)
        {
            var slots = await db.TimetableSlots.AsNoTracking().Where(s => s.TeacherId == teacherId).ToListAsync(cancellationToken);
            found[teacherId] = Store<IReadOnlyList<TimetableSlot>>("teacher-slots", teacherId, slots, SlotsDuration);
        }

        return found[teacherId];
    }

    /// <summary>Forgets a class's slots and those of its teachers (before and after a change).</summary>
    public void ForgetSlots(Guid classGroupId, params Guid?[] teacherIds)
    {
        var territoryId = tenant.RequiredTerritoryId;
        cache.Remove(("group-slots", territoryId, classGroupId));
        foreach (var teacherId in teacherIds.OfType<Guid>())
        {
            cache.Remove(("teacher-slots", territoryId, teacherId));
        }
    }

    /// <summary>People's names ("Prénom Nom"), in one query for those not cached.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> PeopleNamesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken) =>
        NamesAsync("person-name", accountIds, async missing => (await directory.GetPeopleAsync(missing, cancellationToken)).Select(p => (p.Id, p.DisplayName)));

    /// <summary>Classes' and groups' names, in one query for those not cached.</summary>
    public Task<IReadOnlyDictionary<Guid, string>> GroupNamesAsync(IReadOnlyCollection<Guid> classGroupIds, CancellationToken cancellationToken) =>
        NamesAsync("group-name", classGroupIds, async missing => (await directory.GetClassGroupsAsync(missing, cancellationToken)).Select(g => (g.Id, g.Name)));

    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(string kind, IReadOnlyCollection<Guid> ids, Func<List<Guid>, Task<IEnumerable<(Guid Id, string Name)>>> load)
    {
        var (found, missing) = Lookup<string>(kind, ids);
        if (missing.Count > 0)
        {
            foreach (var (id, name) in await load(missing))
            {
                found[id] = Store(kind, id, name, NamesDuration);
            }
        }

        return found;
    }

    private (Dictionary<Guid, T> Found, List<Guid> Missing) Lookup<T>(string kind, IEnumerable<Guid> ids)
    {
        var territoryId = tenant.RequiredTerritoryId;
        var found = new Dictionary<Guid, T>();
        var missing = new List<Guid>();
        foreach (var id in ids.Distinct())
        {
            if (cache.TryGetValue((kind, territoryId, id), out T? value))
            {
                found[id] = value!;
            }
            else
            {
                missing.Add(id);
            }
        }

        return (found, missing);
    }

    private T Store<T>(string kind, Guid id, T value, TimeSpan duration) => cache.Set((kind, tenant.RequiredTerritoryId, id), value, duration);
}
