using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Text;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.News;

/// <summary>Writes or changes a news item: origin and audience, text, images and attachments, publication window.</summary>
[Authorize(Policy = CommunicationPermissions.PublishNews)]
[RequestFormLimits(ValueLengthLimit = FormLimits.TextValueLength)]
internal sealed class EditModel(
    CommunicationDbContext db, SaveNews save, Targets targets, Readership readership, PublishedFiles files,
    IAuthorizationService authorization, TenantContext tenant, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewsInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Images { get; set; } = [];

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public NewsItem? Existing { get; private set; }

    public IReadOnlyList<PublishedFile> Files { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TargetChoices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> AudienceChoices { get; private set; } = [];

    public bool NeedsApproval { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Existing is { } item)
        {
            Input = new NewsInput
            {
                Target = Target.KeyOf(item.SchoolId, item.ClassGroupId),
                Audience = item.Audience,
                Title = item.Title,
                Body = RichInput.ToEditable(item.BodyHtml),
                PublishOn = DateOnly.FromDateTime(tenant.ToLocal(item.PublishAt)),
                PublishTime = TimeOnly.FromDateTime(tenant.ToLocal(item.PublishAt)),
                ExpiresOn = item.ExpiresAt is { } end ? DateOnly.FromDateTime(tenant.ToLocal(end)).AddDays(-1) : null,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, [FromForm] string? action, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var publishAt = Input.PublishOn is { } day ? tenant.ToUtc(day, Input.PublishTime ?? new TimeOnly(8, 0)) : now;
        // The expiry date is the last day shown: the item disappears at midnight after it.
        DateTime? expiresAt = Input.ExpiresOn is { } last ? tenant.ToUtc(last.AddDays(1), TimeOnly.MinValue) : null;
        var (checkedFiles, fileErrors) = await CheckFilesAsync(cancellationToken);
        var reader = await readership.ForUserAsync(User, cancellationToken);
        var draft = new NewsDraft(Input.Target ?? string.Empty, Input.Audience, Input.Title ?? string.Empty, Input.Body ?? string.Empty, publishAt, expiresAt, Submit: action != "draft");
        if (fileErrors.Count > 0)
        {
            foreach (var error in fileErrors)
            {
                ModelState.AddModelError(nameof(Images), error);
            }

            return Page();
        }

        var (item, errors) = await save.RunAsync(reader, Existing, draft, checkedFiles, cancellationToken);
        if (item is null)
        {
            ModelState.AddFieldErrors(errors, localizer);

            return Page();
        }

        this.Flash(item.Status switch
        {
            NewsStatus.PendingApproval => localizer["L’actualité est transmise à la direction pour validation."],
            NewsStatus.Published when item.PublishAt > now => localizer["L’actualité sera publiée à la date choisie."],
            NewsStatus.Published => localizer["L’actualité est publiée."],
            _ => localizer["Le brouillon est enregistré."],
        });
        return Redirect($"/actualites/{item.Id}");
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Existing is null || !await files.RemoveAsync(FileOwner.News, id, fileId, cancellationToken))
        {
            return NotFound();
        }

        this.Flash(localizer["Le fichier est retiré."]);
        return Redirect($"/actualites/rediger/{id}");
    }

    private async Task<(IReadOnlyList<PublishedFiles.Checked> Files, List<string> Errors)> CheckFilesAsync(CancellationToken cancellationToken)
    {
        var (images, imageErrors) = await files.CheckAsync(Images, imagesOnly: true, Files.Count, cancellationToken);
        var (documents, documentErrors) = await files.CheckAsync(Attachments, imagesOnly: false, Files.Count + images.Count, cancellationToken);
        var errors = imageErrors.Concat(documentErrors).ToList();
        if (errors.Count > 0 && Images.Concat(Attachments).Any())
        {
            errors.Add(localizer["Aucun fichier n’a été enregistré : choisissez-les à nouveau."]);
        }

        return ([.. images, .. documents], errors);
    }

    private async Task<bool> LoadAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } newsId)
        {
            Existing = await db.News.FirstOrDefaultAsync(n => n.Id == newsId, cancellationToken);
            if (Existing is null || !Existing.IsEditable || !await authorization.CanAsync(User, Existing, ResourceAuthorization.Manage))
            {
                return false;
            }

            Files = (await files.ListAsync(FileOwner.News, [newsId], cancellationToken))[newsId].ToList();
        }

        var reader = await readership.ForUserAsync(User, cancellationToken);
        var choices = (await targets.ForAsync(reader, NewsRights.Targets, cancellationToken)).ToList();
        if (Existing is not null && choices.All(c => c.Key != Target.KeyOf(Existing.SchoolId, Existing.ClassGroupId)))
        {
            // The head (or the administrator) moderating someone else's item keeps its origin.
            var existingKey = Target.KeyOf(Existing.SchoolId, Existing.ClassGroupId);
            choices.Add(new Target(existingKey, localizer["Origine actuelle"], Existing.SchoolId, Existing.ClassGroupId));
        }

        TargetChoices = choices.Select(c => new SelectListItem(localizer[c.Label], c.Key)).ToList();
        AudienceChoices =
        [
            new(localizer["Les familles et les élèves de la classe"], nameof(NewsAudience.Class)),
            new(localizer["Les familles, les élèves et le personnel de l’école"], nameof(NewsAudience.School)),
            new(localizer["Tous les comptes du territoire"], nameof(NewsAudience.Territory)),
            new(localizer["Tout le monde (page publique de l’école ou de la ville)"], nameof(NewsAudience.Public)),
        ];
        NeedsApproval = reader.Relations.SchoolRoles.Keys.Concat(reader.Relations.TaughtGroups.Values).Any(s => !reader.Heads(s)) && !reader.IsTown;
        return TargetChoices.Count > 0;
    }
}

/// <summary>The news form.</summary>
internal sealed class NewsInput
{
    [Required(ErrorMessage = "Choisissez pour qui vous publiez.")]
    public string? Target { get; set; }

    public NewsAudience Audience { get; set; } = NewsAudience.School;

    [Required(ErrorMessage = "Indiquez un titre.")]
    [StringLength(NewsItem.TitleMaxLength, ErrorMessage = "Le titre ne dépasse pas 200 caractères.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Écrivez le texte de l’actualité.")]
    [StringLength(RichText.MaxLength, ErrorMessage = "Le texte ne dépasse pas 100 000 caractères.")]
    public string? Body { get; set; }

    public DateOnly? PublishOn { get; set; }

    public TimeOnly? PublishTime { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}
