using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Pages.Services;

/// <summary>A guardian registers a child to a service of the child's school, for the year or a period, with the documents it requires.</summary>
[Authorize(Policy = FamilyServicesPermissions.FamilyPortal)]
[RequestFormLimits(ValueLengthLimit = PlainText.MaxFormValueBytes)]
internal sealed class RegisterModel(
    HouseholdQueries households,
    FamilyAccess access,
    RegisterChild register,
    FamilyServicesDbContext db,
    IStructureDirectory directory,
    IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public RegistrationForm Input { get; set; } = new();

    public IReadOnlyList<ChildView> Children { get; private set; } = [];

    public ChildView? Child { get; private set; }

    public IReadOnlyList<Service> Services { get; private set; } = [];

    /// <summary>The document kinds the household has not given yet, with the services that require them.</summary>
    public IReadOnlyList<(DocumentKind Kind, IReadOnlyList<string> For)> MissingDocuments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "enfant")] Guid? childId, CancellationToken cancellationToken)
    {
        Input.ChildId = childId ?? Guid.Empty;
        return await LoadAsync(cancellationToken) ? Page() : Redirect("/famille/foyer/declarer");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Redirect("/famille/foyer/declarer");
        }

        if (Child is null)
        {
            ModelState.AddModelError("Input.ChildId", localizer["Choisissez un de vos enfants."]);
            return Page();
        }

        var childResource = await access.AuthorizedChildAsync(User, Child.PersonId, ResourceAuthorization.Manage, cancellationToken);
        var householdId = await access.ActingHouseholdAsync(User, Child.PersonId, null, cancellationToken);
        var household = householdId is { } id ? await access.HouseholdAsync(id, cancellationToken) : null;
        if (ModelState.IsValid && childResource is not null && household is not null)
        {
            var files = SupportingDocuments.Kinds.Select(k => (k.Kind, File: Request.Form.Files.GetFile($"Input.Documents[{k.Kind}]")))
                .Where(f => f.File is not null).ToDictionary(f => f.Kind, f => f.File!);
            var (registration, problems) = await register.HandleAsync(User.RequiredAccountId(), household, childResource,
                new RegistrationRequest(Child.PersonId, Input.ServiceId, Input.StartsOn, Input.EndsOn, Input.StopId, files), cancellationToken);
            if (registration is not null)
            {
                this.Flash(localizer[registration.Status switch
                {
                    RegistrationStatus.Accepted => Fr("L’inscription est acceptée : vous pouvez réserver les jours."),
                    RegistrationStatus.Pending => Fr("L’inscription est enregistrée : une place est réservée, la ville va la valider."),
                    _ => Fr("Le service est complet : l’inscription est en liste d’attente. Vous serez prévenu dès qu’une place se libère."),
                }]);
                return Redirect("/famille/inscriptions");
            }

            problems.AddTo(ModelState, localizer);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var mine = await households.OfGuardianAsync(User.RequiredAccountId(), cancellationToken);
        if (mine.Count == 0)
        {
            return false;
        }

        Children = mine.SelectMany(h => h.Children).DistinctBy(c => c.PersonId).ToList();
        Child = Input.ChildId == Guid.Empty && Children.Count == 1 ? Children[0] : Children.FirstOrDefault(c => c.PersonId == Input.ChildId);
        if (Child?.SchoolId is not { } schoolId)
        {
            return true;
        }

        Input.ChildId = Child.PersonId;
        if (await directory.GetCurrentSchoolYearAsync(cancellationToken) is not { } year)
        {
            return true;
        }

        var taken = await db.Registrations.AsNoTracking().Where(r => r.ChildId == Child.PersonId && Registration.Live.Contains(r.Status)).Select(r => r.ServiceId).ToListAsync(cancellationToken);
        Services = await db.Services.AsNoTracking().Include(s => s.Stops)
            .Where(s => s.SchoolId == schoolId && s.SchoolYearId == year.Id && s.RegistrationOpen && !taken.Contains(s.Id))
            .OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        var householdIds = mine.Where(h => h.Children.Any(c => c.PersonId == Child.PersonId)).Select(h => h.Id).ToList();
        var given = await db.SupportingDocuments.AsNoTracking().Where(d => householdIds.Contains(d.HouseholdId)).ToListAsync(cancellationToken);
        MissingDocuments = SupportingDocuments.Kinds.Select(k => k.Kind)
            .Select(kind => (kind, (IReadOnlyList<string>)Services.Where(s => (SupportingDocument.Missing(s.RequiredDocuments, given) & kind) != DocumentKind.None).Select(s => s.Name).ToList()))
            .Where(m => m.Item2.Count > 0).ToList();
        return true;
    }
}

internal sealed class RegistrationForm
{
    public Guid ChildId { get; set; }

    public Guid ServiceId { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public Guid? StopId { get; set; }
}
