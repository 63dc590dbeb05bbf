using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Identity.Home;

/// <summary>A territory administrator's home: counts of schools, accounts and families still to activate, and shortcuts.</summary>
internal sealed class TerritoryAdminSection(IdentityDbContext db) : IHomeSection
{
    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profiles.Administrators))
        {
            return null;
        }

        var schools = await db.Schools.CountAsync(s => s.IsActive, cancellationToken);
        var accounts = await db.Accounts.CountAsync(a => a.IsActive, cancellationToken);
        var waiting = await db.Accounts.CountAsync(a => a.IsActive && a.PasswordHash == null && (a.Profiles & Profile.Guardian) != 0, cancellationToken);
        return new HomeSectionView("/Pages/Home/_TerritoryAdminSection.cshtml", new TerritoryAdminSectionModel(schools, accounts, waiting));
    }
}

internal sealed record TerritoryAdminSectionModel(int Schools, int Accounts, int GuardiansNotActivated);

/// <summary>A head's home: their school's classes this year, pupils, and how many families activated their account.</summary>
internal sealed class HeadSection(IdentityDbContext db, IAccountRelations relations, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    public int Order => 21;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Head))
        {
            return null;
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        var headed = actor.SchoolRoles.Where(r => (r.Value & Profile.Head) != Profile.None).Select(r => r.Key).ToList();
        if (headed.Count == 0)
        {
            return null;
        }

        var year = await StructureDirectory.CurrentSchoolYearQuery(db, tenant.Today(clock)).Select(y => (Guid?)y.Id).FirstOrDefaultAsync(cancellationToken);
        var schools = await db.Schools.AsNoTracking().Where(s => headed.Contains(s.Id)).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var classes = await db.ClassGroups.AsNoTracking()
            .Where(c => headed.Contains(c.SchoolId) && c.SchoolYearId == year && c.IsActive && c.Kind == ClassGroupKind.Class)
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.SchoolId, c.Name }).ToListAsync(cancellationToken);
        var classIds = classes.Select(c => c.Id).ToList();
        var pupils = await db.Enrolments.AsNoTracking().Where(e => classIds.Contains(e.ClassGroupId) && e.EndsOn == null)
            .GroupBy(e => e.ClassGroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // Each guardian once per school, with whether they activated their account.
        var guardians = await (from e in db.Enrolments.AsNoTracking()
                               join c in db.ClassGroups on e.ClassGroupId equals c.Id
                               join l in db.GuardianLinks on e.PupilId equals l.PupilId
                               join g in db.Accounts on l.GuardianId equals g.Id
                               where classIds.Contains(c.Id) && e.EndsOn == null && g.IsActive
                               select new { c.SchoolId, g.Id, Activated = g.PasswordHash != null })
            .Distinct().GroupBy(x => x.SchoolId)
            .Select(g => new { g.Key, Total = g.Count(), Activated = g.Count(x => x.Activated) })
            .ToDictionaryAsync(g => g.Key, g => (g.Total, g.Activated), cancellationToken);
        var model = schools.Select(s => new HeadSchoolSummary(
            s.Id, s.Name,
            classes.Where(c => c.SchoolId == s.Id).Select(c => (c.Id, c.Name, pupils.GetValueOrDefault(c.Id))).ToList(),
            guardians.GetValueOrDefault(s.Id).Total, guardians.GetValueOrDefault(s.Id).Activated)).ToList();
        return new HomeSectionView("/Pages/Home/_HeadSection.cshtml", model);
    }
}

internal sealed record HeadSchoolSummary(Guid SchoolId, string Name, IReadOnlyList<(Guid Id, string Name, int Pupils)> Classes, int Guardians, int ActivatedGuardians)
{
    /// <summary>The share of families who activated their account, in whole percent.</summary>
    public int ActivationPercent => Guardians == 0 ? 0 : (int)Math.Round(100.0 * ActivatedGuardians / Guardians);
}

/// <summary>Staff's home: the schools they work in, and the classes they teach.</summary>
internal sealed class StaffSchoolsSection(IAccountRelations relations, IStructureDirectory directory, HomeScopes scopes) : IHomeSection
{
    public int Order => 22;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profiles.SchoolStaff | Profile.ItTechnician) || user.HasAnyProfile(Profile.Head))
        {
            return null;
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        var schools = await directory.GetSchoolsAsync(actor.SchoolRoles.Keys.Concat(actor.TaughtGroups.Values), cancellationToken);
        var groups = await directory.GetClassGroupsAsync(actor.TaughtGroups.Keys, cancellationToken);
        scopes.Follow([actor.AccountId, .. schools.Select(s => s.Id), .. actor.TaughtGroups.Keys]);
        return new HomeSectionView("/Pages/Home/_StaffSchoolsSection.cshtml", new StaffSchoolsSectionModel(schools, groups, actor.SchoolRoles));
    }
}

internal sealed record StaffSchoolsSectionModel(IReadOnlyList<SchoolInfo> Schools, IReadOnlyList<ClassGroupInfo> Classes, IReadOnlyDictionary<Guid, Profile> Roles);
