using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Assessments;

/// <summary>One pupil's mark as typed: a status and, when graded, the value ("12,5" or "12.5").</summary>
internal sealed record MarkLine(Guid PupilId, MarkStatus Status, string? Value);

/// <summary>The marks of an assessment as submitted, whether to publish them, and the version the form was built on.</summary>
internal sealed record RecordMarksRequest(Guid AssessmentId, IReadOnlyList<MarkLine> Lines, bool Publish, int? Version);

/// <summary>
/// The teacher enters (or corrects) the marks of an assessment and publishes them: from then pupils and
/// guardians see them at once, and are notified on the first publication. A pupil left empty has no
/// mark yet. Two people saving from stale pages are told, not overwritten.
/// </summary>
internal sealed class RecordMarks(
    SchoolLifeDbContext db,
    IAccountRelations relations,
    IStructureDirectory directory,
    SchoolLifeSettingsStore settings,
    IStringLocalizer localizer,
    TimeProvider clock)
{
    public async Task<Outcome<Assessment>> HandleAsync(ClaimsPrincipal user, RecordMarksRequest request, CancellationToken cancellationToken)
    {
        var assessment = await db.Assessments.FirstOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken);
        var actor = await relations.ForUserAsync(user, cancellationToken);
        var group = assessment is null ? null : await directory.GetClassGroupAsync(assessment.ClassGroupId, cancellationToken);
        if (assessment is null || group is null || !Visibility.CanTeach(actor, group) || (assessment.TeacherId != actor.AccountId && !actor.Heads(group.SchoolId)))
        {
            return Outcome<Assessment>.NotFound();
        }

        if (request.Version is { } seen && seen != assessment.Version)
        {
            return Outcome<Assessment>.Invalid(string.Empty, localizer["Ces notes ont été modifiées entre-temps (depuis un autre appareil). Vos saisies sont ci-dessous : vérifiez-les et enregistrez à nouveau."]);
        }

        var pupils = (await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken)).Select(p => p.Id).ToHashSet();
        var errors = new List<FieldError>();
        var parsed = new List<(Guid PupilId, MarkStatus Status, decimal? Value)>();
        foreach (var line in request.Lines)
        {
            if (!pupils.Contains(line.PupilId))
            {
                errors.Add(new(string.Empty, localizer["Un élève de la liste n’est plus dans ce groupe : rechargez la page."]));
                break;
            }

            if (!Enum.IsDefined(line.Status))
            {
                errors.Add(new($"Value[{line.PupilId}]", localizer["Statut de note inconnu."]));
                continue;
            }

            var text = line.Value?.Trim();
            if (line.Status != MarkStatus.Graded)
            {
                parsed.Add((line.PupilId, line.Status, null));
                continue;
            }

            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (!TryParseMark(text, out var value))
            {
                errors.Add(new($"Value[{line.PupilId}]", localizer["« {0} » n’est pas une note : écrivez un nombre, par exemple 12,5.", text.Length > 20 ? text[..20] + "…" : text]));
                continue;
            }

            if (Averages.CheckValue(value, assessment.Scale) is { } problem)
            {
                errors.Add(new($"Value[{line.PupilId}]", localizer[problem]));
                continue;
            }

            parsed.Add((line.PupilId, MarkStatus.Graded, value));
        }

        if (errors.Count > 0)
        {
            return Outcome<Assessment>.Invalid(errors);
        }

        var existing = await db.Marks.Where(m => m.AssessmentId == assessment.Id).ToDictionaryAsync(m => m.PupilId, cancellationToken);
        var submitted = parsed.ToDictionary(p => p.PupilId);
        foreach (var line in request.Lines.Where(l => !submitted.ContainsKey(l.PupilId)))
        {
            if (existing.TryGetValue(line.PupilId, out var cleared))
            {
                db.Marks.Remove(cleared);
            }
        }

        foreach (var (pupilId, status, value) in parsed)
        {
            if (!existing.TryGetValue(pupilId, out var mark))
            {
                mark = new Mark { AssessmentId = assessment.Id, PupilId = pupilId };
                db.Marks.Add(mark);
            }

            mark.Status = status;
            mark.Value = value;
        }

        var firstPublication = request.Publish && assessment.PublishedAt is null;
        if (firstPublication)
        {
            assessment.PublishedAt = clock.GetUtcNow().UtcDateTime;
            await NotifyAsync(assessment, parsed.Select(p => p.PupilId).ToList(), cancellationToken);
        }

        assessment.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<Assessment>.Invalid(string.Empty, localizer["Ces notes ont été modifiées entre-temps (depuis un autre appareil). Vos saisies sont ci-dessous : vérifiez-les et enregistrez à nouveau."]);
        }

        return Outcome<Assessment>.Success(assessment);
    }

    /// <summary>Marks typed the French way ("12,5") or the English way ("12.5"), with two decimals at most.</summary>
    public static bool TryParseMark(string text, out decimal value) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private async Task NotifyAsync(Assessment assessment, List<Guid> pupilIds, CancellationToken cancellationToken)
    {
        if (pupilIds.Count == 0)
        {
            return;
        }

        var schoolSettings = await settings.GetAsync(assessment.SchoolId, cancellationToken);
        var guardians = (await directory.ListGuardiansOfPupilsAsync(pupilIds, cancellationToken))
            .Where(g => g.HasParentalAuthority || schoolSettings.NonCustodialSeeAssessments)
            .Select(g => g.GuardianId);
        db.Publish(new NotificationRequested(
            [.. pupilIds, .. guardians.Distinct()],
            "schoollife.assessment",
            NotificationKind.Information,
            Platform.Localization.Text.Fr("Nouvelle note en {0} : {1}"),
            [assessment.Subject, assessment.Title],
            "/evaluations",
            assessment.SchoolId));
    }
}
