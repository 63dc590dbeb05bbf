using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Catchment;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>
/// The school head receives the pupils the town enrolled in their school and records each admission
/// (Code de l’éducation, art. L131-6: the mayor enrols, the head admits). Creating the pupil's account
/// stays with Identity's roster imports.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.ReceiveEnrolments)]
internal sealed class SchoolModel(EnrolmentRequests requests, IAccountRelations relations, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<EnrolmentRequest> Pupils { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> SchoolNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> GuardianNames { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAdmitAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var headed = await HeadedSchoolsAsync(cancellationToken);
        if (await requests.AdmitAsync(requestId, User.RequiredAccountId(), headed, cancellationToken) is { } error)
        {
            ModelState.AddModelError(string.Empty, localizer[error.Message, error.Arguments]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        this.Flash(localizer["Admission enregistrée."]);
        return Redirect("/inscription-scolaire/ecole");
    }

    private async Task<IReadOnlyList<Guid>> HeadedSchoolsAsync(CancellationToken cancellationToken) =>
        (await relations.ForUserAsync(User, cancellationToken)).SchoolRoles.Where(r => (r.Value & Profile.Head) != Profile.None).Select(r => r.Key).ToList();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var headed = await HeadedSchoolsAsync(cancellationToken);
        Pupils = await requests.EnrolledInAsync(headed, cancellationToken);
        SchoolNames = (await directory.GetSchoolsAsync(headed, cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        GuardianNames = (await directory.GetPeopleAsync(Pupils.Select(p => p.GuardianId), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
    }
}
