using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Assessments;

/// <summary>A teacher's appreciations of a group's pupils in a subject for a period (empty text removes one).</summary>
internal sealed record WriteAppreciationsRequest(Guid ClassGroupId, string? Subject, int Period, IReadOnlyDictionary<Guid, string?> Texts);

/// <summary>The teacher of a subject writes each pupil's appreciation for the period report; the head may too.</summary>
internal sealed class WriteAppreciations(SchoolLifeDbContext db, IAccountRelations relations, IStructureDirectory directory, IStringLocalizer localizer, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(ClaimsPrincipal user, WriteAppreciationsRequest request, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(user, cancellationToken);
        var group = await directory.GetClassGroupAsync(request.ClassGroupId, cancellationToken);
        if (group is null || !Visibility.CanTeach(actor, group))
        {
            return Outcome<int>.NotFound();
        }

        var subjects = Subjects.AssessableBy(actor, group, await directory.ListTeachingOfGroupsAsync([group.Id], cancellationToken));
        if (request.Subject is not { } subject || !subjects.Contains(subject))
        {
            return Outcome<int>.NotFound();
        }

        if (request.Period is < 1 or > 3)
        {
            return Outcome<int>.Invalid("Period", localizer["Période inconnue."]);
        }

        var pupils = (await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken)).Select(p => p.Id).ToHashSet();
        var errors = request.Texts
            .Where(t => t.Value?.Trim().Length > SubjectAppreciation.TextMaxLength)
            .Select(t => new FieldError($"Texts[{t.Key}]", localizer["Une appréciation ne dépasse pas {0} caractères.", SubjectAppreciation.TextMaxLength]))
            .ToList();
        if (request.Texts.Keys.Any(id => !pupils.Contains(id)))
        {
            errors.Add(new(string.Empty, localizer["Un élève de la liste n’est plus dans ce groupe : rechargez la page."]));
        }

        if (errors.Count > 0)
        {
            return Outcome<int>.Invalid(errors);
        }

        var existing = await db.SubjectAppreciations
            .Where(a => a.ClassGroupId == group.Id && a.Subject == subject && a.Period == request.Period)
            .ToDictionaryAsync(a => a.PupilId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var written = 0;
        foreach (var (pupilId, raw) in request.Texts)
        {
            var text = raw?.Trim();
            var current = existing.GetValueOrDefault(pupilId);
            if (string.IsNullOrEmpty(text))
            {
                if (current is not null)
                {
                    db.SubjectAppreciations.Remove(current);
                }

                continue;
            }

            if (current is null)
            {
                db.SubjectAppreciations.Add(new SubjectAppreciation { ClassGroupId = group.Id, PupilId = pupilId, Subject = subject, Period = request.Period, TeacherId = actor.AccountId, Text = text, UpdatedAt = now });
            }
            else if (current.Text != text)
            {
                current.Text = text;
                current.TeacherId = actor.AccountId;
                current.UpdatedAt = now;
            }

            written++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Success(written);
    }
}
