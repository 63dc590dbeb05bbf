using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Classes;
using Preau.Identity.Data;
using Preau.Identity.Schools;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Classes;

/// <summary>A class or group: its pupils (enrol, move, end) and its teachers (add, end).</summary>
[Authorize(Policy = IdentityPermissions.ManageSchools)]
internal sealed class DetailsModel(
    IdentityDbContext db, IAuthorizationService authorization, ManagedAccounts managed,
    EnrolPupil enrolments, AssignTeacher teaching, SaveClassGroup classes, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public PupilForm Pupil { get; set; } = new();

    [BindProperty]
    public TeacherForm Teacher { get; set; } = new();

    public ClassGroup Group { get; private set; } = null!;

    public School School { get; private set; } = null!;

    public string YearLabel { get; private set; } = string.Empty;

    public IReadOnlyList<(Guid EnrolmentId, Guid PupilId, string Name, DateOnly? BirthDate)> Pupils { get; private set; } = [];

    public IReadOnlyList<(Guid AssignmentId, Guid TeacherId, string Name, string? Subject)> Teachers { get; private set; } = [];

    public IReadOnlyList<ClassGroup> OtherClasses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPupilAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.KeepOnly(nameof(Pupil));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await FindManagedAsync(Pupil.Login!, cancellationToken) is not { } pupilId)
        {
            ModelState.AddModelError("Pupil.Login", localizer["Aucun compte que vous gérez ne porte cet identifiant."]);
            return Page();
        }

        return await DoneOrPageAsync(await enrolments.RunAsync(User.RequiredAccountId(), pupilId, Id, cancellationToken), nameof(Pupil), localizer["L’élève est inscrit."]);
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid enrolmentId, Guid targetClassId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !Pupils.Any(p => p.EnrolmentId == enrolmentId) || OtherClasses.All(c => c.Id != targetClassId))
        {
            return NotFound();
        }

        var pupilId = Pupils.First(p => p.EnrolmentId == enrolmentId).PupilId;
        ModelState.Clear();
        var result = await enrolments.RunAsync(User.RequiredAccountId(), pupilId, targetClassId, cancellationToken);
        if (result.Succeeded && Group.Kind == Contracts.ClassGroupKind.Group)
        {
            // Moving between groups: the class rule only ends the previous class, so end this group's enrolment too.
            await enrolments.EndAsync(User.RequiredAccountId(), enrolmentId, cancellationToken);
        }

        return await DoneOrPageAsync(result, nameof(Pupil), localizer["L’élève a changé de classe."]);
    }

    public async Task<IActionResult> OnPostEndPupilAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Pupils.All(p => p.EnrolmentId != enrolmentId))
        {
            return NotFound();
        }

        await enrolments.EndAsync(User.RequiredAccountId(), enrolmentId, cancellationToken);
        this.Flash(localizer["L’élève ne fait plus partie de cette classe."]);
        return Redirect($"/administration/classes/{Id}");
    }

    public async Task<IActionResult> OnPostTeacherAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        ModelState.KeepOnly(nameof(Teacher));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await FindManagedAsync(Teacher.Login!, cancellationToken) is not { } teacherId)
        {
            ModelState.AddModelError("Teacher.Login", localizer["Aucun compte que vous gérez ne porte cet identifiant."]);
            return Page();
        }

        return await DoneOrPageAsync(await teaching.RunAsync(User.RequiredAccountId(), teacherId, Id, Teacher.Subject, cancellationToken), nameof(Teacher), localizer["L’enseignant est ajouté."]);
    }

    public async Task<IActionResult> OnPostEndTeacherAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Teachers.All(t => t.AssignmentId != assignmentId))
        {
            return NotFound();
        }

        await teaching.EndAsync(User.RequiredAccountId(), assignmentId, cancellationToken);
        this.Flash(localizer["L’enseignant ne fait plus cours dans cette classe."]);
        return Redirect($"/administration/classes/{Id}");
    }

    public async Task<IActionResult> OnPostActiveAsync(bool active, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        await classes.SetActiveAsync(User.RequiredAccountId(), Id, active, cancellationToken);
        this.Flash(active ? localizer["La classe est réactivée."] : localizer["La classe est désactivée."]);
        return Redirect($"/administration/classes/{Id}");
    }

    private async Task<IActionResult> DoneOrPageAsync(ChangeResult result, string prefix, string done)
    {
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer, prefix);
            await LoadAsync(HttpContext.RequestAborted);
            return Page();
        }

        this.Flash(done);
        return Redirect($"/administration/classes/{Id}");
    }

    /// <summary>An account the user may change the rights of, by login; null when unknown or out of reach (same answer).</summary>
    private async Task<Guid?> FindManagedAsync(string login, CancellationToken cancellationToken)
    {
        var target = await managed.FindByLoginAsync(login, cancellationToken);
        return target is not null && await authorization.CanAsync(User, target, AccountOperations.ChangeRights) ? target.AccountId : null;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var group = await db.ClassGroups.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, cancellationToken);
        if (group is null || !await authorization.CanAsync(User, group, ResourceAuthorization.Manage))
        {
            return false;
        }

        Group = group;
        School = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == group.SchoolId, cancellationToken);
        YearLabel = await db.SchoolYears.Where(y => y.Id == group.SchoolYearId).Select(y => y.Label).FirstAsync(cancellationToken);
        Pupils = (await (from e in db.Enrolments.AsNoTracking()
                         join a in db.Accounts on e.PupilId equals a.Id
                         where e.ClassGroupId == Id && e.EndsOn == null
                         orderby a.LastName, a.FirstName
                         select new { e.Id, PupilId = a.Id, Name = a.LastName + " " + a.FirstName, a.BirthDate }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.PupilId, p.Name, p.BirthDate)).ToList();
        Teachers = (await (from t in db.TeachingAssignments.AsNoTracking()
                           join a in db.Accounts on t.TeacherId equals a.Id
                           where t.ClassGroupId == Id && t.EndsOn == null
                           orderby a.LastName, a.FirstName
                           select new { t.Id, TeacherId = a.Id, Name = a.FirstName + " " + a.LastName, t.Subject }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.TeacherId, t.Name, (string?)t.Subject)).ToList();
        OtherClasses = await db.ClassGroups.AsNoTracking()
            .Where(c => c.SchoolId == group.SchoolId && c.SchoolYearId == group.SchoolYearId && c.Kind == group.Kind && c.IsActive && c.Id != Id)
            .OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return true;
    }
}

internal sealed class PupilForm
{
    [Required(ErrorMessage = "Indiquez l’identifiant de l’élève.")]
    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string? Login { get; set; }
}

internal sealed class TeacherForm
{
    [Required(ErrorMessage = "Indiquez l’identifiant de l’enseignant.")]
    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string? Login { get; set; }

    [StringLength(100, ErrorMessage = "La discipline ne dépasse pas 100 caractères.")]
    public string? Subject { get; set; }
}
