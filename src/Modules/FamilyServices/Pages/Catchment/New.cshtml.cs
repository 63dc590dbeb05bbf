using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Catchment;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Catchment;

/// <summary>
/// A guardian asks to enrol a child: the child, the address (the catchment's school is shown and recorded),
/// optionally another school with a derogation reason from the town's list, and the two documents.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.RequestEnrolment)]
internal sealed class NewModel(EnrolmentRequests requests, CatchmentLookup lookup, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public EnrolmentInput Input { get; set; } = new();

    public IReadOnlyList<SchoolInfo> Schools { get; private set; } = [];

    public IReadOnlyList<DerogationReason> Reasons { get; private set; } = [];

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public IEnumerable<SelectListItem> GradeItems => Enum.GetValues<Grade>().Select(g => new SelectListItem(localizer[EnrolmentNames.Of(g)], g.ToString()));

    public IEnumerable<SelectListItem> ReasonItems => Enum.GetValues<EnrolmentReason>().Select(r => new SelectListItem(localizer[EnrolmentNames.Of(r)], r.ToString()));

    public IEnumerable<SelectListItem> SchoolItems => Schools.Where(s => s.Kind is SchoolKind.Maternelle or SchoolKind.Elementaire or SchoolKind.Primaire).Select(s => new SelectListItem(s.Name, s.Id.ToString()));

    public IEnumerable<SelectListItem> DerogationItems => Reasons.Select(r => new SelectListItem(r.Label, r.Id.ToString()));

    public IEnumerable<SelectListItem> AreaItems => Areas.Select(a => new SelectListItem(a, a));

    public async Task OnGetAsync(string? numero, string? voie, CancellationToken cancellationToken)
    {
        Input.HouseNumber = numero?.Length <= 20 ? numero : null;
        Input.Street = voie?.Length <= 200 ? voie : null;
        if (await directory.GetCurrentTerritoryAsync(cancellationToken) is { } territory)
        {
            Input.City = territory.Name.Replace("Ville de ", string.Empty, StringComparison.Ordinal);
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? proofOfAddress, IFormFile? familyRecordBook, IFormFile? derogationEvidence, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var documents = new List<(EnrolmentDocumentKind, Stream)>();
        try
        {
            foreach (var (kind, file) in new[] { (EnrolmentDocumentKind.ProofOfAddress, proofOfAddress), (EnrolmentDocumentKind.FamilyRecordBook, familyRecordBook), (EnrolmentDocumentKind.DerogationEvidence, derogationEvidence) })
            {
                if (file is { Length: > 0 })
                {
                    var copy = new MemoryStream();
                    await using (var source = file.OpenReadStream())
                    {
                        await source.CopyToAsync(copy, cancellationToken);
                    }

                    copy.Position = 0;
                    documents.Add((kind, copy));
                }
            }

            var (request, errors) = await requests.FileAsync(new EnrolmentFiling(
                Input.ChildFirstName ?? string.Empty, Input.ChildLastName ?? string.Empty, Input.ChildBirthDate!.Value, Input.Grade!.Value, Input.Reason,
                Input.HouseNumber ?? string.Empty, Input.Street ?? string.Empty, Input.Area, Input.PostalCode ?? string.Empty, Input.City ?? string.Empty,
                Input.RequestedSchoolId, Input.DerogationReasonId, Input.DerogationDetails, documents), User.RequiredAccountId(), cancellationToken);
            if (request is null)
            {
                foreach (var error in errors)
                {
                    ModelState.AddModelError(error.Field, localizer[error.Message, error.Arguments.Select(a => a is string s ? localizer[s].Value : a).ToArray()]);
                }

                return Page();
            }

            this.Flash(localizer["Demande {0} envoyée : la mairie vous répondra par un courrier dans votre espace.", request.Reference]);
            return Redirect($"/inscription-scolaire/{request.Id}");
        }
        finally
        {
            foreach (var (_, stream) in documents)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Schools = await directory.ListSchoolsAsync(cancellationToken);
        Reasons = await requests.ReasonsAsync(true, cancellationToken);
        Areas = await lookup.AreasAsync(cancellationToken);
    }
}

internal sealed class EnrolmentInput
{
    [Required(ErrorMessage = "Indiquez le prénom de l’enfant.")]
    [StringLength(100, ErrorMessage = "Le prénom ne dépasse pas 100 caractères.")]
    public string? ChildFirstName { get; set; }

    [Required(ErrorMessage = "Indiquez le nom de l’enfant.")]
    [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
    public string? ChildLastName { get; set; }

    [Required(ErrorMessage = "Indiquez la date de naissance de l’enfant.")]
    public DateOnly? ChildBirthDate { get; set; }

    [Required(ErrorMessage = "Choisissez la classe demandée.")]
    public Grade? Grade { get; set; }

    public EnrolmentReason Reason { get; set; }

    [Required(ErrorMessage = "Indiquez le numéro (ou « 0 » pour un lieu-dit sans numéro).")]
    [StringLength(20, ErrorMessage = "Le numéro ne dépasse pas 20 caractères.")]
    public string? HouseNumber { get; set; }

    [Required(ErrorMessage = "Indiquez la voie.")]
    [StringLength(StreetNames.MaxLength, ErrorMessage = "Le nom de la voie ne dépasse pas 200 caractères.")]
    public string? Street { get; set; }

    [StringLength(StreetNames.MaxLength, ErrorMessage = "Le nom du secteur ne dépasse pas 200 caractères.")]
    public string? Area { get; set; }

    [Required(ErrorMessage = "Indiquez le code postal.")]
    [StringLength(10, ErrorMessage = "Le code postal ne dépasse pas 10 caractères.")]
    public string? PostalCode { get; set; }

    [Required(ErrorMessage = "Indiquez la commune.")]
    [StringLength(100, ErrorMessage = "La commune ne dépasse pas 100 caractères.")]
    public string? City { get; set; }

    public Guid? RequestedSchoolId { get; set; }

    public Guid? DerogationReasonId { get; set; }

    [StringLength(EnrolmentRequest.MaxTextLength, ErrorMessage = "Les précisions ne dépassent pas 2000 caractères.")]
    public string? DerogationDetails { get; set; }
}
