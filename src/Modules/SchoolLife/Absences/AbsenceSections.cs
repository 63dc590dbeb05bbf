using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Absences;

/// <summary>An absence the family still has to justify.</summary>
internal sealed record AbsenceToJustify(Guid Id, Guid PupilId, Guid SchoolId, DateOnly Date, TimeOnly StartsAt, AttendanceKind Kind, JustificationState State);

/// <summary>The guardian's section model: absences to justify, with the children's first names.</summary>
internal sealed record AbsencesToJustify(IReadOnlyList<AbsenceToJustify> Absences, IReadOnlyDictionary<Guid, string> Names);

/// <summary>School-life staff's section model: justifications to review and pupils above the threshold this month.</summary>
internal sealed record AttendanceDesk(int PendingJustifications, IReadOnlyList<(PupilInfo Pupil, int HalfDays)> AboveThreshold);

/// <summary>
/// "Absences to justify" on a guardian's home: the children's absences of the last 30 days without an
/// accepted or pending justification, on the (PupilId, Date) index; one more query for their names.
/// </summary>
internal sealed class AbsencesToJustifySection(SchoolLifeDbContext db, IAccountRelations relations, IStructureDirectory directory, SchoolLifeSettingsStore settings, HomeScopes scopes, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    /// <summary>Older absences stay in the list of absences; the home page shows what is recent.</summary>
    public const int Days = 30;

    public int Order => 21;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Guardian))
        {
            return null;
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        var children = actor.Children.Keys.ToList();
        if (children.Count == 0)
        {
            return null;
        }

        var since = tenant.Today(clock).AddDays(-Days);
        var absences = await ToJustify(db, children, since).ToListAsync(cancellationToken);
        scopes.Follow([actor.AccountId, .. children, .. absences.Select(a => a.SchoolId)]);
        if (absences.Count > 0 && actor.Children.Any(c => !c.Value))
        {
            // Only guardians without parental authority need the school's setting (rare: one more query).
            var schoolSettings = await settings.GetManyAsync(absences.Select(a => a.SchoolId), cancellationToken);
            absences = absences.Where(a => Visibility.GuardianSees(actor, a.PupilId, schoolSettings[a.SchoolId], SchoolLifeArea.Absences)).ToList();
        }

        if (absences.Count == 0)
        {
            return null;
        }

        // All the children, not only those with absences: the other home sections ask the same question (answered once per request).
        var names = (await directory.GetPupilsAsync(children, cancellationToken)).ToDictionary(p => p.Id, p => p.FirstName);
        return new HomeSectionView("/Pages/Absences/_HomeSection.cshtml", new AbsencesToJustify(absences, names));
    }

    // Compiled once, like the home page's other questions (decision 0017).
    private static readonly Func<SchoolLifeDbContext, List<Guid>, DateOnly, IAsyncEnumerable<AbsenceToJustify>> ToJustify = EF.CompileAsyncQuery(
        (SchoolLifeDbContext db, List<Guid> children, DateOnly since) => db.Absences.AsNoTracking()
            .Where(a => children.Contains(a.PupilId) && a.Date >= since && (a.State == JustificationState.Missing || a.State == JustificationState.Refused))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.StartsAt)
            .Take(10)
            .Select(a => new AbsenceToJustify(a.Id, a.PupilId, a.SchoolId, a.Date, a.StartsAt, a.Kind, a.State)));
}

/// <summary>
/// School-life staff's home: how many justifications wait for them, and the pupils who reached the alert
/// threshold this month (two indexed queries on (SchoolId, State) and (SchoolId, Date), one for names).
/// </summary>
internal sealed class AttendanceDeskSection(SchoolLifeDbContext db, IAccountRelations relations, IStructureDirectory directory, SchoolLifeSettingsStore settings, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    public int Order => 22;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Visibility.SchoolLifeStaff))
        {
            return null;
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        var schools = actor.SchoolRoles.Keys.Where(s => Visibility.CanFollowAttendance(actor, s)).ToList();
        if (schools.Count == 0)
        {
            return null;
        }

        var pending = await db.Absences.AsNoTracking().CountAsync(a => schools.Contains(a.SchoolId) && a.State == JustificationState.Pending, cancellationToken);
        var today = tenant.Today(clock);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var facts = await db.Absences.AsNoTracking()
            .Where(a => schools.Contains(a.SchoolId) && a.Date >= monthStart && a.Date <= today && a.Kind == AttendanceKind.Absent
                && (a.State == JustificationState.Missing || a.State == JustificationState.Refused))
            .Select(a => new { a.SchoolId, a.PupilId, a.Date, a.HalfDay })
            .ToListAsync(cancellationToken);
        var thresholds = await settings.GetManyAsync(schools, cancellationToken);
        var above = facts.GroupBy(f => (f.SchoolId, f.PupilId))
            .Select(g => (g.Key.SchoolId, g.Key.PupilId, HalfDays: g.Select(f => (f.Date, f.HalfDay)).Distinct().Count()))
            .Where(p => p.HalfDays >= thresholds[p.SchoolId].MonthlyAlertThreshold)
            .OrderByDescending(p => p.HalfDays)
            .Take(10)
            .ToList();
        if (pending == 0 && above.Count == 0)
        {
            return null;
        }

        var pupils = (await directory.GetPupilsAsync(above.Select(a => a.PupilId), cancellationToken)).ToDictionary(p => p.Id);
        return new HomeSectionView("/Pages/Absences/_DeskSection.cshtml", new AttendanceDesk(
            pending, above.Where(a => pupils.ContainsKey(a.PupilId)).Select(a => (pupils[a.PupilId], a.HalfDays)).ToList()));
    }
}
