using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Audit;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Accounts;

/// <summary>
/// A person: profiles, assignments, classes, children or guardians, activation state and recent audit
/// entries; and what an administrator does to the account (links, deactivation, sessions, second factor).
/// </summary>
[Authorize(Policy = IdentityPermissions.ManageAccounts)]
internal sealed class DetailsModel(
    IdentityDbContext db, ManagedAccounts managed, IAccountRelations relations, IAuthorizationService authorization,
    AccountAccess access, LinkGuardian links, EnrolPupil enrolments, AssignStaff staff, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public LinkForm Link { get; set; } = new();

    [BindProperty]
    public EnrolForm Enrol { get; set; } = new();

    public Account Person { get; private set; } = null!;

    public bool CanChangeRights { get; private set; }

    public bool MayReadAudit { get; private set; }

    public IReadOnlyList<(Guid Id, string School, Profile Profile, DateOnly? EndsOn)> Assignments { get; private set; } = [];

    public IReadOnlyList<(string Class, string School, string? Subject)> Teaching { get; private set; } = [];

    public IReadOnlyList<(Guid ClassId, string Class, string School, DateOnly? StartsOn)> Classes { get; private set; } = [];

    public IReadOnlyList<(Guid LinkId, Guid OtherId, string Name, GuardianRelation Relation, bool Authority, bool OtherActivated)> Guardians { get; private set; } = [];

    public IReadOnlyList<(Guid LinkId, Guid OtherId, string Name, GuardianRelation Relation, bool Authority, bool OtherActivated)> Children { get; private set; } = [];

    public IReadOnlyList<AuditEntry> RecentAudit { get; private set; } = [];

    public DateTime? LastCodeExpiresAt { get; private set; }

    public IEnumerable<SelectListItem> ClassItems { get; private set; } = [];

    public IEnumerable<SelectListItem> RelationItems => Enum.GetValues<GuardianRelation>().Select(r => new SelectListItem(localizer[AdminLabels.Of(r)], r.ToString()));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) =>
        RightsActionAsync(() => access.DeactivateAsync(User.RequiredAccountId(), Id, cancellationToken), localizer["Le compte est désactivé ; ses sessions se ferment."], cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken) =>
        RightsActionAsync(() => access.ReactivateAsync(User.RequiredAccountId(), Id, cancellationToken), localizer["Le compte est réactivé."], cancellationToken);

    public Task<IActionResult> OnPostResetSecondFactorAsync(CancellationToken cancellationToken) =>
        RightsActionAsync(() => access.ResetSecondFactorAsync(User.RequiredAccountId(), Id, cancellationToken), localizer["La double authentification est réinitialisée : son titulaire la configurera à sa prochaine connexion."], cancellationToken);

    public async Task<IActionResult> OnPostRevokeSessionsAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await access.RevokeSessionsAsync(User.RequiredAccountId(), Id, cancellationToken);
        this.Flash(localizer["Toutes les sessions de ce compte se ferment (d’ici une minute au plus)."]);
        return Redirect($"/administration/comptes/{Id}");
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !CanChangeRights)
        {
            return NotFound();
        }

        ModelState.KeepOnly(nameof(Link));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var other = await managed.FindByLoginAsync(Link.Login!, cancellationToken);
        if (other is null || !await authorization.CanAsync(User, other, ResourceAuthorization.Manage))
        {
            ModelState.AddModelError("Link.Login", localizer["Aucun compte que vous gérez ne porte cet identifiant."]);
            return Page();
        }

        // On a pupil's page the login is a guardian's; on anyone else's, a child's.
        var isPupil = Person.Has(Profile.Pupil);
        var result = await links.RunAsync(User.RequiredAccountId(), isPupil ? other.AccountId : Id, isPupil ? Id : other.AccountId, Link.Relation, Link.HasParentalAuthority, cancellationToken);
        return await DoneOrPageAsync(result, nameof(Link), localizer["Le lien est enregistré."], cancellationToken);
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid linkId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !CanChangeRights || !Guardians.Concat(Children).Any(l => l.LinkId == linkId))
        {
            return NotFound();
        }

        await links.RemoveAsync(User.RequiredAccountId(), linkId, cancellationToken);
        this.Flash(localizer["Le lien est retiré."]);
        return Redirect($"/administration/comptes/{Id}");
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !CanChangeRights)
        {
            return NotFound();
        }

        ModelState.KeepOnly(nameof(Enrol));
        var group = await db.ClassGroups.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Enrol.ClassGroupId, cancellationToken);
        if (group is null || !await authorization.CanAsync(User, group, ResourceAuthorization.Manage))
        {
            ModelState.AddModelError("Enrol.ClassGroupId", localizer["Choisissez une classe de la liste."]);
            return Page();
        }

        var result = await enrolments.RunAsync(User.RequiredAccountId(), Id, group.Id, cancellationToken);
        return await DoneOrPageAsync(result, nameof(Enrol), localizer["L’élève est inscrit."], cancellationToken);
    }

    public async Task<IActionResult> OnPostEndAssignmentAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !CanChangeRights || Assignments.All(a => a.Id != assignmentId))
        {
            return NotFound();
        }

        var school = await db.StaffAssignments.Where(s => s.Id == assignmentId).Join(db.Schools, s => s.SchoolId, s => s.Id, (_, s) => s).FirstAsync(cancellationToken);
        if (!await authorization.CanAsync(User, school, ResourceAuthorization.Manage))
        {
            return NotFound();
        }

        await staff.EndAsync(User.RequiredAccountId(), assignmentId, cancellationToken);
        this.Flash(localizer["L’affectation est terminée."]);
        return Redirect($"/administration/comptes/{Id}");
    }

    private async Task<IActionResult> RightsActionAsync(Func<Task> action, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !CanChangeRights)
        {
            return NotFound();
        }

        await action();
        this.Flash(done);
        return Redirect($"/administration/comptes/{Id}");
    }

    private async Task<IActionResult> DoneOrPageAsync(ChangeResult result, string prefix, string done, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer, prefix);
            await LoadAsync(cancellationToken);
            return Page();
        }

        this.Flash(done);
        return Redirect($"/administration/comptes/{Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var target = await managed.FindAsync(Id, cancellationToken);
        if (target is null || !await authorization.CanAsync(User, target, ResourceAuthorization.Read))
        {
            return false;
        }

        Person = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == Id, cancellationToken);
        CanChangeRights = await authorization.CanAsync(User, target, AccountOperations.ChangeRights);
        MayReadAudit = (await authorization.AuthorizeAsync(User, IdentityPermissions.ReadAuditLog)).Succeeded;
        Assignments = (await (from s in db.StaffAssignments.AsNoTracking()
                              join school in db.Schools on s.SchoolId equals school.Id
                              where s.AccountId == Id
                              orderby s.EndsOn == null descending, school.Name
                              select new { s.Id, school.Name, s.Profile, s.EndsOn }).Take(50).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name, a.Profile, a.EndsOn)).ToList();
        Teaching = (await (from t in db.TeachingAssignments.AsNoTracking()
                           join c in db.ClassGroups on t.ClassGroupId equals c.Id
                           join school in db.Schools on c.SchoolId equals school.Id
                           where t.TeacherId == Id && t.EndsOn == null && c.IsActive
                           orderby school.Name, c.Name
                           select new { c.Name, School = school.Name, t.Subject }).Take(100).ToListAsync(cancellationToken))
            .Select(t => (t.Name, t.School, (string?)t.Subject)).ToList();
        Classes = (await (from e in db.Enrolments.AsNoTracking()
                          join c in db.ClassGroups on e.ClassGroupId equals c.Id
                          join school in db.Schools on c.SchoolId equals school.Id
                          where e.PupilId == Id && e.EndsOn == null
                          orderby c.Kind, c.Name
                          select new { c.Id, c.Name, School = school.Name, e.StartsOn }).ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Name, c.School, c.StartsOn)).ToList();
        Guardians = (await (from l in db.GuardianLinks.AsNoTracking()
                            join g in db.Accounts on l.GuardianId equals g.Id
                            where l.PupilId == Id
                            orderby g.LastName, g.FirstName
                            select new { l.Id, g.FirstName, g.LastName, OtherId = g.Id, l.Relation, l.HasParentalAuthority, Activated = g.PasswordHash != null }).ToListAsync(cancellationToken))
            .Select(l => (l.Id, l.OtherId, l.FirstName + " " + l.LastName, l.Relation, l.HasParentalAuthority, l.Activated)).ToList();
        Children = (await (from l in db.GuardianLinks.AsNoTracking()
                           join p in db.Accounts on l.PupilId equals p.Id
                           where l.GuardianId == Id
                           orderby p.LastName, p.FirstName
                           select new { l.Id, p.FirstName, p.LastName, OtherId = p.Id, l.Relation, l.HasParentalAuthority, Activated = p.PasswordHash != null }).ToListAsync(cancellationToken))
            .Select(l => (l.Id, l.OtherId, l.FirstName + " " + l.LastName, l.Relation, l.HasParentalAuthority, l.Activated)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        LastCodeExpiresAt = await db.ActivationCodes.AsNoTracking().Where(c => c.AccountId == Id && c.UsedAt == null && !c.Revoked && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt).Select(c => (DateTime?)c.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
        if (MayReadAudit)
        {
            RecentAudit = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == Id || e.ActorId == Id)
                .OrderByDescending(e => e.At).Take(10).ToListAsync(cancellationToken);
        }

        if (Person.Has(Profile.Pupil) && CanChangeRights)
        {
            ClassItems = await ScopeClassesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>The current year's classes and groups this user administers, for the enrolment form (bounded).</summary>
    private async Task<IEnumerable<SelectListItem>> ScopeClassesAsync(CancellationToken cancellationToken)
    {
        var scope = SchoolScope.ManagedBy(await relations.ForUserAsync(User, cancellationToken));
        var ids = scope.SchoolIds.ToList();
        var year = await StructureDirectory.CurrentSchoolYearQuery(db, tenant.Today(clock)).Select(y => (Guid?)y.Id).FirstOrDefaultAsync(cancellationToken);
        var pupilSchools = await (from e in db.Enrolments
                                  join c in db.ClassGroups on e.ClassGroupId equals c.Id
                                  where e.PupilId == Id && e.EndsOn == null
                                  select c.SchoolId).ToListAsync(cancellationToken);
        // The pupil's own schools first: moving within a school is the common case.
        return await (from c in db.ClassGroups.AsNoTracking()
                      join s in db.Schools on c.SchoolId equals s.Id
                      where c.SchoolYearId == year && c.IsActive && (scope.AllSchools || ids.Contains(c.SchoolId))
                      orderby pupilSchools.Contains(c.SchoolId) descending, s.Name, c.Kind, c.Name
                      select new SelectListItem(s.Name + " – " + c.Name, c.Id.ToString())).Take(300).ToListAsync(cancellationToken);
    }
}

internal sealed class LinkForm
{
    [Required(ErrorMessage = "Indiquez l’identifiant.")]
    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string? Login { get; set; }

    public GuardianRelation Relation { get; set; } = GuardianRelation.Mother;

    public bool HasParentalAuthority { get; set; } = true;
}

internal sealed class EnrolForm
{
    public Guid ClassGroupId { get; set; }
}
