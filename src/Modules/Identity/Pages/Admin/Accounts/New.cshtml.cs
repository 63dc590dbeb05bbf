using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Accounts;

/// <summary>
/// Creates an account with its first profile and its place: a school for staff, a class for a pupil,
/// a child for a guardian. A head gives only school-level profiles, in their own school.
/// </summary>
[Authorize(Policy = IdentityPermissions.ManageAccounts)]
internal sealed class NewModel(
    IdentityDbContext db, CreateAccount create, IAccountRelations relations, IAuthorizationService authorization, ManagedAccounts managed,
    TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public NewAccountForm Input { get; set; } = new();

    public IEnumerable<SelectListItem> ProfileItems { get; private set; } = [];

    public IEnumerable<SelectListItem> SchoolItems { get; private set; } = [];

    public IEnumerable<SelectListItem> ClassItems { get; private set; } = [];

    public IEnumerable<SelectListItem> RelationItems => Enum.GetValues<GuardianRelation>().Select(r => new SelectListItem(localizer[AdminLabels.Of(r)], r.ToString()));

    public async Task OnGetAsync([FromQuery(Name = "profil")] Profile? profile, [FromQuery(Name = "classe")] Guid? classGroupId, [FromQuery(Name = "etablissement")] Guid? schoolId, CancellationToken cancellationToken)
    {
        Input.Profile = profile ?? Profile.Guardian;
        Input.ClassGroupId = classGroupId;
        Input.SchoolId = schoolId;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var scope = await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await authorization.CanAsync(User, new ProfileGrant(Input.Profile), ResourceAuthorization.Manage))
        {
            ModelState.AddModelError("Input.Profile", localizer["Vous ne pouvez pas donner ce profil."]);
            return Page();
        }

        // The account's place must be in the actor's scope; a head must give it one (or could not manage it afterwards).
        var schoolId = StaffAssignment.SchoolProfiles.Contains(Input.Profile) ? Input.SchoolId : null;
        var classGroupId = Input.Profile == Profile.Pupil ? Input.ClassGroupId : null;
        Guid? childId = null;
        if (schoolId is { } school && !scope.Includes(school))
        {
            ModelState.AddModelError("Input.SchoolId", localizer["Choisissez un établissement de la liste."]);
        }

        if (classGroupId is { } classId && (await db.ClassGroups.AsNoTracking().FirstOrDefaultAsync(c => c.Id == classId, cancellationToken) is not { } group || !await authorization.CanAsync(User, group, ResourceAuthorization.Manage)))
        {
            ModelState.AddModelError("Input.ClassGroupId", localizer["Choisissez une classe de la liste."]);
        }

        if (Input.Profile == Profile.Guardian && !string.IsNullOrWhiteSpace(Input.ChildLogin))
        {
            var child = await managed.FindByLoginAsync(Input.ChildLogin, cancellationToken);
            if (child is null || (child.Profiles & Profile.Pupil) == Profile.None || !await authorization.CanAsync(User, child, ResourceAuthorization.Manage))
            {
                ModelState.AddModelError("Input.ChildLogin", localizer["Aucun élève que vous gérez ne porte cet identifiant."]);
            }
            else
            {
                childId = child.AccountId;
            }
        }

        if (!scope.AllSchools && schoolId is null && classGroupId is null && childId is null && ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, localizer["Rattachez le compte à votre établissement : une fonction dans l’établissement, une classe pour un élève, un enfant pour un responsable."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, accountId) = await create.RunAsync(User.RequiredAccountId(), new NewAccount(
            Input.ToInput(),
            Input.Login, Input.Profile, schoolId, classGroupId, childId, Input.Relation, Input.HasParentalAuthority), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer);
            return Page();
        }

        this.Flash(localizer["Le compte est créé. Imprimez sa lettre d’activation pour que son titulaire choisisse son mot de passe."]);
        return Redirect($"/administration/comptes/{accountId}");
    }

    private async Task<SchoolScope> LoadAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        var scope = SchoolScope.ManagedBy(actor);
        var grantable = IdentityAuthorizationHandler.GrantableBy(actor);
        ProfileItems = Profiles.All.Where(p => (grantable & p) != Profile.None).Select(p => new SelectListItem(localizer[AdminLabels.Of(p)], p.ToString()));
        var ids = scope.SchoolIds.ToList();
        var schools = db.Schools.AsNoTracking().Where(s => s.IsActive && (scope.AllSchools || ids.Contains(s.Id)));
        SchoolItems = await schools.OrderBy(s => s.Name).Take(500).Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(cancellationToken);
        var year = await StructureDirectory.CurrentSchoolYearQuery(db, tenant.Today(clock)).Select(y => (Guid?)y.Id).FirstOrDefaultAsync(cancellationToken);
        // The classes of the current year in the scope (the chosen school's only, when one is given; bounded).
        ClassItems = await (from c in db.ClassGroups.AsNoTracking()
                            join s in schools on c.SchoolId equals s.Id
                            where c.SchoolYearId == year && c.IsActive && c.Kind == ClassGroupKind.Class && (Input.SchoolId == null || c.SchoolId == Input.SchoolId)
                            orderby s.Name, c.Name
                            select new SelectListItem(s.Name + " – " + c.Name, c.Id.ToString())).Take(500).ToListAsync(cancellationToken);
        return scope;
    }
}

/// <summary>A person's details, as both account forms show them.</summary>
internal class PersonForm
{
    [Required(ErrorMessage = "Indiquez le prénom.")]
    [StringLength(100, ErrorMessage = "Le prénom ne dépasse pas 100 caractères.")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Indiquez le nom.")]
    [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
    public string? LastName { get; set; }

    [StringLength(256, ErrorMessage = "L’adresse électronique ne dépasse pas 256 caractères.")]
    public string? Email { get; set; }

    [StringLength(30, ErrorMessage = "Le numéro de téléphone ne dépasse pas 30 caractères.")]
    public string? PhoneNumber { get; set; }

    public DateOnly? BirthDate { get; set; }

    public PersonInput ToInput() => new(FirstName ?? string.Empty, LastName ?? string.Empty, Email, PhoneNumber, BirthDate);
}

internal sealed class NewAccountForm : PersonForm
{
    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string? Login { get; set; }

    public Profile Profile { get; set; } = Profile.Guardian;

    public Guid? SchoolId { get; set; }

    public Guid? ClassGroupId { get; set; }

    [StringLength(100, ErrorMessage = "L’identifiant ne dépasse pas 100 caractères.")]
    public string? ChildLogin { get; set; }

    public GuardianRelation Relation { get; set; } = GuardianRelation.Mother;

    public bool HasParentalAuthority { get; set; } = true;
}
