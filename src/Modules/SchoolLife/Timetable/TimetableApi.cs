using System.Globalization;
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
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Today;

namespace Preau.SchoolLife.Timetable;

/// <summary>A lesson, for integrations.</summary>
/// <param name="SlotId">Its recurring slot.</param>
/// <param name="PlannedOn">The day it was planned on (with the slot, it names the occurrence).</param>
/// <param name="Date">The day it is shown on.</param>
/// <param name="StartsAt">Start, local time "HH:mm".</param>
/// <param name="EndsAt">End, local time "HH:mm".</param>
/// <param name="Subject">Subject.</param>
/// <param name="ClassGroupId">Its class or group.</param>
/// <param name="ClassGroup">The class or group's name.</param>
/// <param name="Room">Room.</param>
/// <param name="TeacherId">Who teaches it that day.</param>
/// <param name="Teacher">Their name.</param>
/// <param name="Status">planned, cancelled, changed or movedAway.</param>
/// <param name="Note">The note of a change.</param>
internal sealed record LessonItem(Guid SlotId, DateOnly PlannedOn, DateOnly Date, string StartsAt, string EndsAt, string Subject, Guid ClassGroupId, string? ClassGroup, string? Room, Guid? TeacherId, string? Teacher, string Status, string? Note);

/// <summary>A day of a timetable, for integrations.</summary>
internal sealed record TimetableDayItem(DateOnly Date, string? ClosedReason, IReadOnlyList<LessonItem> Lessons);

/// <summary>A week of a timetable, Monday to Friday.</summary>
internal sealed record TimetableWeekItem(DateOnly Monday, IReadOnlyList<TimetableDayItem> Days);

/// <summary>/api/v1 endpoints of the timetables; the rights are those of the pages.</summary>
internal static class TimetableApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/pupils/{pupilId:guid}/timetable", PupilAsync).RequireAuthorization(SchoolLifePermissions.ReadTimetable)
            .WithName("GetPupilTimetable").WithSummary("L’emploi du temps d’un élève pour une semaine (la semaine en cours par défaut).");
        api.MapGet("/classes/{classGroupId:guid}/timetable", ClassAsync).RequireAuthorization(SchoolLifePermissions.ReadTimetable)
            .WithName("GetClassTimetable").WithSummary("L’emploi du temps d’une classe ou d’un groupe pour une semaine.");
        api.MapGet("/teachers/{teacherId:guid}/timetable", TeacherAsync).RequireAuthorization(SchoolLifePermissions.ReadTimetable)
            .WithName("GetTeacherTimetable").WithSummary("L’emploi du temps d’un enseignant pour une semaine.");
    }

    private static async Task<Results<Ok<TimetableWeekItem>, ProblemHttpResult>> PupilAsync(
        Guid pupilId, string? week, ClaimsPrincipal user, IAuthorizationService authorization, IStructureDirectory directory,
        ReadTimetable timetables, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (!TryWeek(week, tenant.Today(clock), out var monday))
        {
            return BadWeek(localizer);
        }

        var pupil = await directory.GetPupilsAsync([pupilId], cancellationToken) is [var found, ..] ? found : null;
        if (pupil is null || !await authorization.CanAsync(user, new PupilTimetable(pupil.Id, pupil.SchoolId), ResourceAuthorization.Read))
        {
            return ApiProblems.NotFound(localizer);
        }

        var groups = (await directory.ListGroupsOfPupilsAsync([pupil.Id], cancellationToken)).Select(g => g.ClassGroupId).ToList();
        return TypedResults.Ok(await WeekAsync(timetables, monday, () => timetables.ForGroupsAsync(groups, monday, monday.AddDays(4), cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<TimetableWeekItem>, ProblemHttpResult>> ClassAsync(
        Guid classGroupId, string? week, ClaimsPrincipal user, IAuthorizationService authorization, IStructureDirectory directory,
        ReadTimetable timetables, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (!TryWeek(week, tenant.Today(clock), out var monday))
        {
            return BadWeek(localizer);
        }

        var group = await directory.GetClassGroupAsync(classGroupId, cancellationToken);
        if (group is null || !await authorization.CanAsync(user, new ClassTimetable(group), ResourceAuthorization.Read))
        {
            return ApiProblems.NotFound(localizer);
        }

        return TypedResults.Ok(await WeekAsync(timetables, monday, () => timetables.ForGroupsAsync([group.Id], monday, monday.AddDays(4), cancellationToken), cancellationToken));
    }

    private static async Task<Results<Ok<TimetableWeekItem>, ProblemHttpResult>> TeacherAsync(
        Guid teacherId, string? week, ClaimsPrincipal user, IAuthorizationService authorization, IAccountRelations relations,
        ReadTimetable timetables, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (!TryWeek(week, tenant.Today(clock), out var monday))
        {
            return BadWeek(localizer);
        }

        var teacher = await relations.ForAccountAsync(teacherId, cancellationToken);
        if ((teacher.Profiles & (Profile.Teacher | Profile.Head)) == Profile.None
            || !await authorization.CanAsync(user, new TeacherTimetable(teacherId, teacher.Schools.ToList()), ResourceAuthorization.Read))
        {
            return ApiProblems.NotFound(localizer);
        }

        return TypedResults.Ok(await WeekAsync(timetables, monday, () => timetables.ForTeacherAsync(teacherId, monday, monday.AddDays(4), cancellationToken), cancellationToken));
    }

    /// <summary>The Monday of the week of the given day (today's week when absent).</summary>
    public static bool TryWeek(string? value, DateOnly today, out DateOnly monday)
    {
        var valid = DayNames.TryParseIso(value, today, out var day);
        monday = WeekAlternation.MondayOf(day);
        return valid;
    }

    private static ProblemHttpResult BadWeek(IStringLocalizer localizer) =>
        ApiProblems.BadRequest(localizer, localizer["La semaine se désigne par l’un de ses jours, écrit AAAA-MM-JJ (par exemple 2026-11-23)."]);

    private static async Task<TimetableWeekItem> WeekAsync(ReadTimetable timetables, DateOnly monday, Func<Task<IReadOnlyList<TimetableDay>>> load, CancellationToken cancellationToken)
    {
        var days = await load();
        var names = await timetables.NamesAsync(days, cancellationToken);
        return new TimetableWeekItem(monday, days.Select(d => new TimetableDayItem(d.Date, d.ClosedReason, d.Lessons.Select(l => new LessonItem(
            l.Slot.Id, l.PlannedOn, l.Date, l.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture), l.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            l.Slot.Subject, l.Slot.ClassGroupId, names.GroupOf(l.Slot.ClassGroupId), l.Room, l.TeacherId, names.TeacherOf(l.TeacherId),
            JsonStatus(l.Status), l.Change?.Note)).ToList())).ToList());
    }

    private static string JsonStatus(LessonStatus status) => status switch
    {
        LessonStatus.Cancelled => "cancelled",
        LessonStatus.Changed => "changed",
        LessonStatus.MovedAway => "movedAway",
        _ => "planned",
    };
}
