using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Identity.Contracts;
using Preau.Platform.Files;
using Preau.Platform.Text;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;
using System.Security.Claims;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.SchoolLife.LiaisonNotebook;

/// <summary>A note to send. <paramref name="Audience"/> is "pupil:{id}", "group:{id}" or "school:{id}".</summary>
internal sealed record SendNoteRequest(
    string? Audience,
    string? Title,
    string? Body,
    bool RequiresAcknowledgement,
    NoteAnswerKind AnswerKind,
    bool IsAuthorization,
    UploadedFile? Attachment);

/// <summary>
/// Sends a note of the liaison notebook to the guardians of a pupil, a class or group, or a school:
/// one recipient row per guardian and pupil (both guardians of a child receive it, each acknowledges),
/// and one notification per guardian with a signed acknowledgement link for the e-mail.
/// </summary>
internal sealed class SendNote(
    SchoolLifeDbContext db,
    IAccountRelations relations,
    IStructureDirectory directory,
    SchoolLifeSettingsStore settings,
    RichText richText,
    UploadInspector inspector,
    IFileStore files,
    AcknowledgementLinks links,
    IStringLocalizer localizer,
    TenantContext tenant,
    TimeProvider clock)
{
    public static readonly FileKind[] AttachmentKinds = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg];

    public async Task<Outcome<Guid>> HandleAsync(ClaimsPrincipal user, SendNoteRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var title = request.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            errors.Add(new("Title", localizer["Indiquez un titre."]));
        }
        else if (title.Length > LiaisonNote.TitleMaxLength)
        {
            errors.Add(new("Title", localizer["Le titre ne dépasse pas {0} caractères.", LiaisonNote.TitleMaxLength]));
        }

        var body = string.Empty;
        if ((request.Body?.Length ?? 0) > RichText.MaxLength)
        {
            errors.Add(new("Body", localizer["Le texte ne dépasse pas {0} caractères.", RichText.MaxLength]));
        }
        else
        {
            body = richText.Sanitize(TextToHtml(request.Body));
            if (RichText.ToPlainText(body).Length == 0)
            {
                errors.Add(new("Body", localizer["Écrivez le texte du mot."]));
            }
        }

        if (request.IsAuthorization && request.AnswerKind == NoteAnswerKind.None)
        {
            errors.Add(new("AnswerKind", localizer["Une autorisation demande une réponse : choisissez « oui ou non » ou « texte court »."]));
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        var audience = await ResolveAudienceAsync(actor, request.Audience, cancellationToken);
        if (audience is null)
        {
            if (string.IsNullOrEmpty(request.Audience))
            {
                errors.Add(new("Audience", localizer["Choisissez les destinataires."]));
            }
            else
            {
                return Outcome<Guid>.NotFound();
            }
        }

        if (errors.Count > 0 || audience is null)
        {
            return Outcome<Guid>.Invalid(errors);
        }

        var schoolSettings = await settings.GetAsync(audience.SchoolId, cancellationToken);
        var guardians = (await directory.ListGuardiansOfPupilsAsync(audience.PupilIds, cancellationToken))
            .Where(g => g.HasParentalAuthority || schoolSettings.NonCustodialSeeNotes)
            .ToList();
        if (guardians.Count == 0)
        {
            return Outcome<Guid>.Invalid("Audience", localizer["Aucune famille ne peut recevoir ce mot : aucun responsable n’est rattaché à ces élèves."]);
        }

        string? attachmentKey = null;
        string? attachmentType = null;
        string? attachmentName = null;
        if (request.Attachment is { } attachment)
        {
            var check = await inspector.InspectAsync(attachment.Content, AttachmentKinds, cancellationToken);
            if (!check.IsAccepted)
            {
                return Outcome<Guid>.Invalid("Attachment", check.Error!);
            }

            attachmentKey = await files.SaveAsync(attachment.Content, cancellationToken);
            attachmentType = check.ContentType;
            attachmentName = SafeFileName(attachment.FileName, check.Kind);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = new LiaisonNote
        {
            SchoolId = audience.SchoolId,
            AuthorId = actor.AccountId,
            Audience = audience.Kind,
            AudienceId = audience.Id,
            AudienceLabel = audience.Label,
            Title = title,
            Body = body,
            RequiresAcknowledgement = request.RequiresAcknowledgement,
            AnswerKind = request.AnswerKind,
            IsAuthorization = request.IsAuthorization,
            AttachmentKey = attachmentKey,
            AttachmentName = attachmentName,
            AttachmentContentType = attachmentType,
            SentAt = now,
        };
        db.LiaisonNotes.Add(note);
        db.NoteRecipients.AddRange(guardians.Select(g => new NoteRecipient
        {
            NoteId = note.Id,
            PupilId = g.PupilId,
            GuardianId = g.GuardianId,
            HasParentalAuthority = g.HasParentalAuthority,
            AnswerExpected = note.AnswerKind != NoteAnswerKind.None,
            ActionExpected = note.AsksSomething,
        }));
        Notify(note, guardians.Select(g => g.GuardianId).Distinct(), reminder: false);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Success(note.Id);
    }

    /// <summary>
    /// One notification per guardian: the in-app link opens the note, the e-mail's is signed for this
    /// guardian and this note (NotificationRequested.EmailLink), so it acknowledges without a password.
    /// </summary>
    public void Notify(LiaisonNote note, IEnumerable<Guid> guardianIds, bool reminder)
    {
        var kind = note.AsksSomething ? NotificationKind.ActionRequired : NotificationKind.Information;
        var template = reminder ? Platform.Localization.Text.Fr("Rappel — mot du carnet de liaison : {0}") : Platform.Localization.Text.Fr("Mot du carnet de liaison : {0}");
        foreach (var guardianId in guardianIds)
        {
            db.Publish(new NotificationRequested(
                [guardianId],
                "schoollife.note",
                kind,
                template,
                [note.Title],
                $"/carnet/{note.Id}",
                note.SchoolId,
                EmailLink: note.AsksSomething ? links.LinkFor(new AcknowledgementGrant(tenant.RequiredTerritoryId, note.Id, guardianId)) : null));
        }
    }

    private sealed record ResolvedAudience(NoteAudience Kind, Guid Id, Guid SchoolId, string Label, IReadOnlyList<Guid> PupilIds);

    private async Task<ResolvedAudience?> ResolveAudienceAsync(AccountRelations actor, string? value, CancellationToken cancellationToken)
    {
        var parts = (value ?? string.Empty).Split(':');
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var id))
        {
            return null;
        }

        switch (parts[0])
        {
            case "pupil":
                var pupil = await directory.GetPupilsAsync([id], cancellationToken) is [var found, ..] ? found : null;
                if (pupil?.SchoolId is not { } pupilSchool)
                {
                    return null;
                }

                var groups = (await relations.ForAccountAsync(pupil.Id, cancellationToken)).OwnGroups.Keys;
                return Visibility.CanWriteToPupil(actor, pupilSchool, groups)
                    ? new ResolvedAudience(NoteAudience.Pupil, pupil.Id, pupilSchool, pupil.DisplayName, [pupil.Id])
                    : null;
            case "group":
                var group = await directory.GetClassGroupAsync(id, cancellationToken);
                if (group is null || !Visibility.CanWriteToGroup(actor, group))
                {
                    return null;
                }

                var pupils = await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken);
                return new ResolvedAudience(NoteAudience.ClassGroup, group.Id, group.SchoolId, group.Name, pupils.Select(p => p.Id).ToList());
            case "school":
                var school = await directory.GetSchoolAsync(id, cancellationToken);
                if (school is null || !Visibility.CanWriteToSchool(actor, school.Id))
                {
                    return null;
                }

                var schoolPupils = await directory.ListPupilsOfSchoolAsync(school.Id, cancellationToken);
                return new ResolvedAudience(NoteAudience.School, school.Id, school.Id, school.Name, schoolPupils.Select(p => p.Id).ToList());
            default:
                return null;
        }
    }

    /// <summary>Plain text as typed in a textarea becomes paragraphs; text that already holds tags is kept for the sanitiser.</summary>
    public static string TextToHtml(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains('<', StringComparison.Ordinal))
        {
            return text ?? string.Empty;
        }

        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Concat(paragraphs.Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>"));
    }

    /// <summary>The name to offer on download: the user's, without path or odd characters, with the extension of what the file really is.</summary>
    public static string SafeFileName(string? name, FileKind kind)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(name ?? string.Empty));
        var clean = new string(stem.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "piece-jointe";
        }

        if (clean.Length > 100)
        {
            clean = clean[..100];
        }

        return clean + kind switch
        {
            FileKind.Pdf => ".pdf",
            FileKind.Png => ".png",
            FileKind.Jpeg => ".jpg",
            _ => string.Empty,
        };
    }
}
