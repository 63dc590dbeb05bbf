using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Assessments;

/// <summary>A new assessment of a class or group in one subject.</summary>
internal sealed record CreateAssessmentRequest(Guid ClassGroupId, string? Subject, string? Title, DateOnly? Date, decimal? Scale, decimal? Coefficient);

/// <summary>The subjects an account may assess in a group: the teacher's own subjects there; the head's, every subject taught there.</summary>
internal static class Subjects
{
    public static IReadOnlyList<string> AssessableBy(AccountRelations actor, ClassGroupInfo group, IEnumerable<TeachingInfo> assignments) =>
        assignments.Where(a => a.ClassGroupId == group.Id && !string.IsNullOrEmpty(a.Subject) && (a.TeacherId == actor.AccountId || actor.Heads(group.SchoolId)))
            .Select(a => a.Subject!).Distinct().Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
}

/// <summary>
/// A secondary-school teacher creates an assessment (title, date, scale, coefficient) in a subject they
/// teach to the group (TeachingAssignment.Subject); the head may create one in any subject of the group.
/// </summary>
internal sealed class CreateAssessment(SchoolLifeDbContext db, IAccountRelations relations, IStructureDirectory directory, IStringLocalizer localizer, TimeProvider clock)
{
    public const decimal MaxScale = 100;
    public const decimal MaxCoefficient = 20;

    public async Task<Outcome<Assessment>> HandleAsync(ClaimsPrincipal user, CreateAssessmentRequest request, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(user, cancellationToken);
        var group = await directory.GetClassGroupAsync(request.ClassGroupId, cancellationToken);
        if (group is null || !Visibility.CanTeach(actor, group))
        {
            return Outcome<Assessment>.NotFound();
        }

        var subjects = Subjects.AssessableBy(actor, group, await directory.ListTeachingOfGroupsAsync([group.Id], cancellationToken));
        var errors = new List<FieldError>();
        var subject = subjects.FirstOrDefault(s => s == request.Subject?.Trim());
        if (subject is null)
        {
            errors.Add(new("Subject", subjects.Count == 0 ? localizer["Vous n’enseignez aucune matière notée dans ce groupe."] : localizer["Choisissez une matière que vous enseignez dans ce groupe."]));
        }

        var title = request.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            errors.Add(new("Title", localizer["Indiquez un titre."]));
        }
        else if (title.Length > Assessment.TitleMaxLength)
        {
            errors.Add(new("Title", localizer["Le titre ne dépasse pas {0} caractères.", Assessment.TitleMaxLength]));
        }

        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        if (request.Date is not { } date)
        {
            errors.Add(new("Date", localizer["Indiquez la date de l’évaluation."]));
        }
        else if (calendar.YearOf(date) is not { } year || year.Id != group.SchoolYearId)
        {
            errors.Add(new("Date", localizer["La date doit être dans l’année scolaire du groupe."]));
        }

        if (request.Scale is not (>= 1 and <= MaxScale) || decimal.Round(request.Scale.Value, 0) != request.Scale)
        {
            errors.Add(new("Scale", localizer["Le barème est un nombre entier de 1 à {0}.", MaxScale]));
        }

        if (request.Coefficient is not (> 0 and <= MaxCoefficient) || decimal.Round(request.Coefficient.Value, 2) != request.Coefficient)
        {
            errors.Add(new("Coefficient", localizer["Le coefficient est supérieur à 0 et ne dépasse pas {0} (deux décimales au plus).", MaxCoefficient]));
        }

        if (errors.Count > 0)
        {
            return Outcome<Assessment>.Invalid(errors);
        }

        var assessment = new Assessment
        {
            SchoolId = group.SchoolId,
            ClassGroupId = group.Id,
            TeacherId = actor.AccountId,
            Subject = subject!,
            Title = title,
            Date = request.Date!.Value,
            Scale = request.Scale!.Value,
            Coefficient = request.Coefficient!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Assessment>.Success(assessment);
    }
}
