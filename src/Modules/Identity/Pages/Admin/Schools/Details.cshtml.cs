using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Classes;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Identity.Schools;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Schools;

/// <summary>A school: its classes of a year with their teachers and pupil counts, its staff, and what its administrators may change.</summary>
[Authorize(Policy = IdentityPermissions.ManageSchools)]
internal sealed class DetailsModel(
    IdentityDbContext db, IAuthorizationService authorization, SaveSchool schools, AssignStaff staff, ManagedAccounts managed,
    TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "annee")]
    public Guid? YearId { get; set; }

    [BindProperty]
    public StaffForm Input { get; set; } = new();

    public School School { get; private set; } = null!;

    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];

    public IReadOnlyList<ClassRow> Classes { get; private set; } = [];

    public IReadOnlyList<StaffRow> Staff { get; private set; } = [];

    public IEnumerable<SelectListItem> StaffProfiles { get; private set; } = [];

    public bool IsTerritoryAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStaffAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var target = await managed.FindByLoginAsync(Input.Login!, cancellationToken);
        // A head may only bring in accounts they already manage: an unknown login and one they may not see get the same answer.
        if (target is null || !await authorization.CanAsync(User, target, AccountOperations.ChangeRights))
        {
            ModelState.AddModelError("Input.Login", localizer["Aucun compte que vous gérez ne porte cet identifiant."]);
            return Page();
        }

        if (!await authorization.CanAsync(User, new ProfileGrant(Input.Profile), ResourceAuthorization.Manage))
        {
            ModelState.AddModelError("Input.Profile", localizer["Vous ne pouvez pas donner cette fonction."]);
            return Page();
        }

        var result = await staff.RunAsync(User.RequiredAccountId(), target.AccountId, Id, Input.Profile, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer);
            return Page();
        }

        this.Flash(localizer["L’affectation est enregistrée."]);
        return Redirect($"/administration/etablissements/{Id}");
    }

    public async Task<IActionResult> OnPostEndStaffAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var assignment = await db.StaffAssignments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == assignmentId && s.SchoolId == Id, cancellationToken);
        var target = assignment is null ? null : await managed.FindAsync(assignment.AccountId, cancellationToken);
        if (assignment is null || target is null || !await authorization.CanAsync(User, target, AccountOperations.ChangeRights))
        {
            return NotFound();
        }

        await staff.EndAsync(User.RequiredAccountId(), assignmentId, cancellationToken);
        this.Flash(localizer["L’affectation est terminée."]);
        return Redirect($"/administration/etablissements/{Id}");
    }

    public async Task<IActionResult> OnPostActiveAsync(bool active, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !IsTerritoryAdmin)
        {
            return NotFound();
        }

        await schools.SetActiveAsync(User.RequiredAccountId(), Id, active, cancellationToken);
        this.Flash(active ? localizer["L’établissement est réactivé."] : localizer["L’établissement est désactivé."]);
        return Redirect($"/administration/etablissements/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (school is null || !await authorization.CanAsync(User, school, ResourceAuthorization.Manage))
        {
            return false;
        }

        School = school;
        IsTerritoryAdmin = (User.Profiles() & Profiles.Administrators) != Profile.None;
        var grantable = StaffAssignment.SchoolProfiles.Where(p => p != Profile.ItTechnician || IsTerritoryAdmin);
        StaffProfiles = grantable.Where(p => IsTerritoryAdmin || (p & IdentityAuthorizationHandler.HeadManageableProfiles) != Profile.None)
            .Select(p => new SelectListItem(localizer[AdminLabels.Of(p)], p.ToString()));
        Years = await db.SchoolYears.AsNoTracking().OrderByDescending(y => y.StartsOn).ToListAsync(cancellationToken);
        var currentYear = await StructureDirectory.CurrentSchoolYearQuery(db, tenant.Today(clock)).Select(y => (Guid?)y.Id).FirstOrDefaultAsync(cancellationToken);
        YearId ??= currentYear;
        if (Years.All(y => y.Id != YearId))
        {
            YearId = Years.Count > 0 ? Years[0].Id : null;
        }

        Classes = await ClassRowsAsync(db, Id, YearId, cancellationToken);
        var staff = await (from s in db.StaffAssignments.AsNoTracking()
                           join a in db.Accounts on s.AccountId equals a.Id
                           where s.SchoolId == Id && s.EndsOn == null
                           orderby a.LastName, a.FirstName
                           select new { s.Id, AccountId = a.Id, Name = a.FirstName + " " + a.LastName, s.Profile, a.Profiles, a.IsActive }).ToListAsync(cancellationToken);
        // A head manages the school's teachers and staff, not their own account, another head's or the technician's:
        // those rows are not links, and have no "end" button, that would be refused.
        var rows = new List<StaffRow>();
        foreach (var member in staff)
        {
            var account = new ManagedAccount(member.AccountId, member.Profiles, new HashSet<Guid> { Id });
            rows.Add(new StaffRow(member.Id, member.AccountId, member.Name, member.Profile, member.IsActive,
                await authorization.CanAsync(User, account, ResourceAuthorization.Manage), await authorization.CanAsync(User, account, AccountOperations.ChangeRights)));
        }

        Staff = rows;
        return true;
    }

    /// <summary>The classes of a school for a year, with their teachers and pupil counts, in three queries.</summary>
    internal static async Task<IReadOnlyList<ClassRow>> ClassRowsAsync(IdentityDbContext db, Guid schoolId, Guid? yearId, CancellationToken cancellationToken)
    {
        var classes = await db.ClassGroups.AsNoTracking().Where(c => c.SchoolId == schoolId && c.SchoolYearId == yearId)
            .OrderBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var ids = classes.Select(c => c.Id).ToList();
        var teachers = (await (from t in db.TeachingAssignments.AsNoTracking()
                               join a in db.Accounts on t.TeacherId equals a.Id
                               where ids.Contains(t.ClassGroupId) && t.EndsOn == null
                               orderby a.LastName
                               select new { t.ClassGroupId, Name = a.FirstName + " " + a.LastName }).ToListAsync(cancellationToken))
            .GroupBy(t => t.ClassGroupId).ToDictionary(g => g.Key, g => g.Select(t => t.Name).Distinct().ToList());
        var counts = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.ClassGroupId) && e.EndsOn == null)
            .GroupBy(e => e.ClassGroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return classes.Select(c => new ClassRow(c, teachers.GetValueOrDefault(c.Id) ?? [], counts.GetValueOrDefault(c.Id))).ToList();
    }
}

internal sealed record ClassRow(ClassGroup Class, IReadOnlyList<string> Teachers, int PupilCount);

internal sealed record StaffRow(Guid AssignmentId, Guid AccountId, string Name, Profile Profile, bool IsActive, bool CanManage, bool CanEnd);

internal sealed class StaffForm
{
    [Required(ErrorMessage = "Indiquez l’identifiant de la personne.")]
    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string? Login { get; set; }

    public Profile Profile { get; set; } = Profile.Teacher;
}
