using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.LiaisonNotebook;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.LiaisonNotebook;

/// <summary>Writes a note to the families of a pupil, a class or group, or the whole school.</summary>
[Authorize(Policy = SchoolLifePermissions.SendNotes)]
[GenerousFormLimits]
internal sealed class NewModel(SendNote send, IAccountRelations relations, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public NoteInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Attachment { get; set; }

    /// <summary>The class whose pupils are offered one by one (?classe=…).</summary>
    [BindProperty(SupportsGet = true, Name = "classe")]
    public Guid? ClassGroupId { get; set; }

    public IReadOnlyList<SelectListItem> Audiences { get; private set; } = [];

    public IReadOnlyList<ClassGroupInfo> Groups { get; private set; } = [];

    public IReadOnlyList<SelectListItem> AnswerKinds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (Input.Audience is null && ClassGroupId is { } group)
        {
            Input.Audience = "group:" + group;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var attachment = await FormFiles.ReadAsync(Attachment, cancellationToken);
        await using var content = attachment?.Content;
        var outcome = await send.HandleAsync(
            User,
            new SendNoteRequest(Input.Audience, Input.Title, Input.Body, Input.RequiresAcknowledgement, Input.AnswerKind, Input.IsAuthorization, attachment),
            cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState, "Input.");
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        this.Flash(localizer["Le mot a été envoyé aux familles."]);
        return Redirect($"/carnet/{outcome.Value}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        var items = new List<SelectListItem>();
        var staffSchools = actor.SchoolRoles.Where(r => (r.Value & Visibility.SchoolLifeStaff) != 0).Select(r => r.Key).ToList();
        var groups = new List<ClassGroupInfo>(await directory.GetClassGroupsAsync(actor.TaughtGroups.Keys, cancellationToken));
        foreach (var school in await directory.GetSchoolsAsync(staffSchools, cancellationToken))
        {
            var option = new SelectListGroup { Name = school.Name };
            items.Add(new SelectListItem(localizer["Toute l’école ou l’établissement"], "school:" + school.Id) { Group = option });
            groups.AddRange(await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken));
        }

        Groups = groups.DistinctBy(g => g.Id).OrderBy(g => g.Name).ToList();
        var classes = new SelectListGroup { Name = localizer["Classes et groupes"] };
        items.AddRange(Groups.Select(g => new SelectListItem(localizer["Classe ou groupe : {0}", g.Name], "group:" + g.Id) { Group = classes }));
        if (ClassGroupId is { } chosen && Groups.FirstOrDefault(g => g.Id == chosen) is { } chosenGroup)
        {
            var pupils = new SelectListGroup { Name = localizer["Un élève de {0}", chosenGroup.Name] };
            items.AddRange((await directory.ListPupilsOfGroupAsync(chosen, cancellationToken))
                .Select(p => new SelectListItem(localizer["Famille de {0}", p.DisplayName], "pupil:" + p.Id) { Group = pupils }));
        }

        Audiences = items;
        AnswerKinds =
        [
            new(localizer["Pas de réponse"], nameof(NoteAnswerKind.None)),
            new(localizer["Oui ou non"], nameof(NoteAnswerKind.YesNo)),
            new(localizer["Texte court"], nameof(NoteAnswerKind.Text)),
        ];
    }
}

internal sealed class NoteInput
{
    [Required(ErrorMessage = "Choisissez les destinataires.")]
    public string? Audience { get; set; }

    [Required(ErrorMessage = "Indiquez un titre.")]
    [StringLength(LiaisonNote.TitleMaxLength, ErrorMessage = "Le titre ne dépasse pas 200 caractères.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Écrivez le texte du mot.")]
    public string? Body { get; set; }

    public bool RequiresAcknowledgement { get; set; } = true;

    public NoteAnswerKind AnswerKind { get; set; }

    public bool IsAuthorization { get; set; }
}
