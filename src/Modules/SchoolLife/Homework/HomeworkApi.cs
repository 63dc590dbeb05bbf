using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Text;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Homework;

/// <summary>A piece of work due, for integrations.</summary>
/// <param name="Id">The entry.</param>
/// <param name="ClassGroupId">Its class or group.</param>
/// <param name="Subject">Subject.</param>
/// <param name="DueOn">The school day it is due.</param>
/// <param name="WorkHtml">The work, sanitised HTML.</param>
/// <param name="WorkText">The work, plain text.</param>
/// <param name="EstimatedMinutes">Estimated duration.</param>
/// <param name="Done">Whether the pupil marked it done.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
/// <param name="Link">Its page, relative to the site.</param>
internal sealed record HomeworkItem(Guid Id, Guid ClassGroupId, string Subject, DateOnly DueOn, string WorkHtml, string WorkText, int? EstimatedMinutes, bool Done, DateTime PublishedAt, string Link);

/// <summary>A pupil's homework for a period.</summary>
internal sealed record PupilHomeworkList(Guid PupilId, DateOnly From, DateOnly To, IReadOnlyList<HomeworkItem> Items);

/// <summary>Problem details (RFC 9457) in French for the module's API.</summary>
internal static class ApiProblems
{
    /// <summary>Not found: also what a resource that is not the caller's answers.</summary>
    public static ProblemHttpResult NotFound(IStringLocalizer localizer) =>
        TypedResults.Problem(title: localizer["Introuvable"], detail: localizer["Cette ressource n’existe pas ou ne vous est pas accessible."], statusCode: StatusCodes.Status404NotFound);

    /// <summary>A bad parameter.</summary>
    public static ProblemHttpResult BadRequest(IStringLocalizer localizer, string detail) =>
        TypedResults.Problem(title: localizer["Requête invalide"], detail: detail, statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>/api/v1 endpoints of the homework log; the rights are those of the pages.</summary>
internal static class HomeworkApi
{
    /// <summary>The longest period one call returns.</summary>
    public const int MaxDays = 62;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/pupils/{pupilId:guid}/homework", ListAsync)
            .RequireAuthorization(SchoolLifePermissions.ReadHomework)
            .WithName("ListPupilHomework")
            .WithSummary("Le travail à faire d’un élève pour une période (du jour par défaut, sur deux semaines).");

    private static async Task<Results<Ok<PupilHomeworkList>, ProblemHttpResult>> ListAsync(
        Guid pupilId,
        string? from,
        string? to,
        ClaimsPrincipal user,
        IAuthorizationService authorization,
        IStructureDirectory directory,
        ListHomeworkForPupils homework,
        TenantContext tenant,
        TimeProvider clock,
        IStringLocalizer localizer,
        CancellationToken cancellationToken)
    {
        var today = tenant.Today(clock);
        if (!DayNames.TryParseIso(from, today, out var start) || !DayNames.TryParseIso(to, start.AddDays(14), out var end))
        {
            return ApiProblems.BadRequest(localizer, localizer["Les dates s’écrivent AAAA-MM-JJ, par exemple 2026-11-23."]);
        }

        if (end < start || end.DayNumber - start.DayNumber > MaxDays)
        {
            return ApiProblems.BadRequest(localizer, localizer["La période va d’une date à une date qui la suit, sur {0} jours au plus.", MaxDays]);
        }

        var pupil = await directory.GetPupilsAsync([pupilId], cancellationToken) is [var found, ..] ? found : null;
        if (pupil is null || !await authorization.CanAsync(user, new PupilHomework(pupil.Id, pupil.SchoolId), ResourceAuthorization.Read))
        {
            return ApiProblems.NotFound(localizer);
        }

        var groups = await directory.ListGroupsOfPupilsAsync([pupil.Id], cancellationToken);
        var due = await homework.DueAsync(user.RequiredAccountId(), groups, start, end, cancellationToken);
        return TypedResults.Ok(new PupilHomeworkList(pupil.Id, start, end, due.Select(d => new HomeworkItem(
            d.Work.EntryId, d.Work.ClassGroupId, d.Work.Subject, d.Work.DueOn, d.Work.WorkHtml, RichText.ToPlainText(d.Work.WorkHtml),
            d.Work.EstimatedMinutes, d.Done, d.Work.PublishAt, $"/cahier-de-textes/seance/{d.Work.EntryId}")).ToList()));
    }
}
