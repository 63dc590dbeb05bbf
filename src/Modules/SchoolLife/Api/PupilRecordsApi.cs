using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Api;

/// <summary>An absence or late arrival, as integrations read it.</summary>
public sealed record AbsenceDto(Guid Id, DateOnly Date, TimeOnly StartsAt, string Kind, int? LateMinutes, string Justification, string? Reason, string? RefusalReason);

/// <summary>A page of a pupil's absences.</summary>
public sealed record AbsencePageDto(Guid PupilId, int Page, int PageSize, int Total, IReadOnlyList<AbsenceDto> Items);

/// <summary>A published mark.</summary>
public sealed record MarkDto(Guid AssessmentId, string Title, DateOnly Date, decimal Scale, decimal Coefficient, string Status, decimal? Value);

/// <summary>A subject of the period report: averages are out of 20, rounded to two decimals, half up.</summary>
public sealed record SubjectDto(string Subject, IReadOnlyList<MarkDto> Marks, decimal? Average, decimal? ClassAverage, decimal? ClassMinimum, decimal? ClassMaximum, string? Appreciation);

/// <summary>A pupil's marks for a period.</summary>
public sealed record MarksDto(Guid PupilId, int Period, DateOnly From, DateOnly To, IReadOnlyList<SubjectDto> Subjects, decimal? GeneralAverage);

/// <summary>A note of the liaison notebook concerning a pupil, with what each of the pupil's guardians did.</summary>
public sealed record NoteDto(Guid Id, string Title, DateTime SentAt, bool RequiresAcknowledgement, string AnswerKind, bool IsAuthorization, IReadOnlyList<NoteGuardianDto> Guardians);

/// <summary>One guardian's part of a note.</summary>
public sealed record NoteGuardianDto(Guid GuardianId, DateTime? ReadAt, DateTime? AcknowledgedAt, bool? AnswerYes, string? AnswerText, DateTime? AnsweredAt);

/// <summary>
/// /api/v1/pupils/{id}/absences, /marks and /notes: a child's records for integrations (a family app, a
/// school information system). The same rules as the pages: the pupil, their guardians (with the school's
/// settings for those without parental authority), their teachers and their school's staff; anyone else
/// gets a 404 problem. Scheme-agnostic: the session cookie today, the OAuth2 bearer scheme later.
/// </summary>
internal static class PupilRecordsApi
{
    public const int PageSize = 50;

    public static void Map(RouteGroupBuilder api)
    {
        var pupils = api.MapGroup("/pupils/{pupilId:guid}").WithTags("Vie scolaire");
        pupils.MapGet("/absences", AbsencesAsync).RequireAuthorization(SchoolLifePermissions.ReadAbsences);
        pupils.MapGet("/marks", MarksAsync).RequireAuthorization(SchoolLifePermissions.ReadAssessments);
        pupils.MapGet("/notes", NotesAsync).RequireAuthorization(SchoolLifePermissions.ReadNotes);
    }

    private static async Task<Results<Ok<AbsencePageDto>, ProblemHttpResult>> AbsencesAsync(
        Guid pupilId, int? page, ClaimsPrincipal user, PupilRecordsLoader loader, IAuthorizationService authorization, ReadAbsences absences, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (!await CanReadAsync(pupilId, SchoolLifeArea.Absences, user, loader, authorization, cancellationToken))
        {
            return NotFound(localizer);
        }

        var result = await absences.OfPupilAsync(pupilId, page ?? 1, cancellationToken);
        return TypedResults.Ok(new AbsencePageDto(pupilId, result.Page, result.PageSize, result.Total, result.Items.Select(a => new AbsenceDto(
            a.Id, a.Date, a.StartsAt, a.Kind.ToString(), a.LateMinutes, a.State.ToString(), a.Reason?.ToString(), a.RefusalReason)).ToList()));
    }

    private static async Task<Results<Ok<MarksDto>, ProblemHttpResult>> MarksAsync(
        Guid pupilId, int? period, ClaimsPrincipal user, PupilRecordsLoader loader, IAuthorizationService authorization, ReadAssessments assessments, AssessmentPeriods periods, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var loaded = await loader.LoadAsync(pupilId, SchoolLifeArea.Assessments, cancellationToken);
        if (loaded is null || !await authorization.CanAsync(user, loaded.Value.Records, ResourceAuthorization.Read) || loaded.Value.Pupil.SchoolId is not { } schoolId
            || await periods.ForSchoolAsync(schoolId, period, cancellationToken) is not { } choice)
        {
            return NotFound(localizer);
        }

        var chosen = choice.Chosen;
        var report = await assessments.ReportAsync(pupilId, loaded.Value.Records.GroupIds, chosen.StartsOn, chosen.EndsOn, chosen.Number, cancellationToken);
        return TypedResults.Ok(new MarksDto(pupilId, chosen.Number, chosen.StartsOn, chosen.EndsOn,
            report.Subjects.Select(s => new SubjectDto(
                s.Subject,
                s.Marks.Select(m => new MarkDto(m.AssessmentId, m.Title, m.Date, m.Scale, m.Coefficient, m.Status.ToString(), m.Value)).ToList(),
                Round(s.Average), Round(s.ClassSpread?.Average), Round(s.ClassSpread?.Minimum), Round(s.ClassSpread?.Maximum), s.Appreciation)).ToList(),
            Round(report.GeneralAverage)));
    }

    private static async Task<Results<Ok<IReadOnlyList<NoteDto>>, ProblemHttpResult>> NotesAsync(
        Guid pupilId, ClaimsPrincipal user, PupilRecordsLoader loader, IAuthorizationService authorization, SchoolLifeDbContext db, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (!await CanReadAsync(pupilId, SchoolLifeArea.Notes, user, loader, authorization, cancellationToken))
        {
            return NotFound(localizer);
        }

        // The last 100 notes that reached this pupil's family, newest first; guardians see their own child's rows only.
        var rows = await db.NoteRecipients.AsNoTracking().Where(r => r.PupilId == pupilId).ToListAsync(cancellationToken);
        var noteIds = rows.Select(r => r.NoteId).Distinct().ToList();
        var notes = await db.LiaisonNotes.AsNoTracking().Where(n => noteIds.Contains(n.Id)).OrderByDescending(n => n.SentAt).Take(100).ToListAsync(cancellationToken);
        var byNote = rows.ToLookup(r => r.NoteId);
        IReadOnlyList<NoteDto> result = notes.Select(n => new NoteDto(n.Id, n.Title, n.SentAt, n.RequiresAcknowledgement, n.AnswerKind.ToString(), n.IsAuthorization,
            byNote[n.Id].Select(r => new NoteGuardianDto(r.GuardianId, r.ReadAt, r.AcknowledgedAt, r.AnswerYes, r.AnswerText, r.AnsweredAt)).ToList())).ToList();
        return TypedResults.Ok(result);
    }

    private static async Task<bool> CanReadAsync(Guid pupilId, SchoolLifeArea area, ClaimsPrincipal user, PupilRecordsLoader loader, IAuthorizationService authorization, CancellationToken cancellationToken) =>
        await loader.LoadAsync(pupilId, area, cancellationToken) is { } loaded && await authorization.CanAsync(user, loaded.Records, ResourceAuthorization.Read);

    private static decimal? Round(decimal? value) => value is { } v ? Averages.Round(v) : null;

    private static ProblemHttpResult NotFound(IStringLocalizer localizer) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: localizer["Introuvable."], detail: localizer["Cette ressource n’existe pas ou ne vous est pas accessible."]);
}
