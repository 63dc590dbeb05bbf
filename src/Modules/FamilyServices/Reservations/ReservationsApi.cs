using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Reservations;

internal sealed record CalendarDayDto(DateOnly Day, string Access, string? State, bool BookedByThisHousehold, bool LateChange, DateTime? Deadline);

internal sealed record ServiceMonthDto(Guid ServiceId, string Name, int DeadlineWorkingDays, TimeOnly DeadlineTime, string LateChanges, IReadOnlyList<CalendarDayDto> Days);

internal sealed record ChildMonthDto(Guid ChildId, Guid HouseholdId, string Month, IReadOnlyList<ServiceMonthDto> Services);

/// <summary>Days to book and to cancel for one service; the household is the caller's own unless given (the agent).</summary>
internal sealed record ReservationChangeDto(Guid ServiceId, Guid? HouseholdId, List<DateOnly>? Book, List<DateOnly>? Cancel);

internal sealed record DayResultDto(DateOnly Day, string Outcome, string? State, string? Reason);

internal sealed record ReservationResultDto(IReadOnlyList<DayResultDto> Results);

internal sealed record ServiceNumbersDto(Guid SchoolId, string Uai, string School, Guid ServiceId, string Service, string Kind, int Expected, int WaitingList, int Present, int PresentWithoutReservation, int Absent, int IndividualCarePlans, IReadOnlyDictionary<string, int> Allergies);

/// <summary>/api/v1/family: a child's reservations for a month (read and change) and the expected numbers of a day.</summary>
internal static class ReservationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/children/{childId:guid}/reservations", GetMonthAsync).RequireAuthorization(FamilyServicesPermissions.BookDays)
            .WithSummary("Les jours d’un enfant pour un mois (month=AAAA-MM), service par service, avec ce qui peut encore changer.");
        api.MapPost("/children/{childId:guid}/reservations", ChangeAsync).RequireAuthorization(FamilyServicesPermissions.BookDays)
            .WithSummary("Réserve et annule des jours d’un service pour un enfant ; chaque jour refusé l’est avec son motif.");
        api.MapGet("/expected-numbers", NumbersAsync).RequireAuthorization(FamilyServicesPermissions.ReadExpectedNumbers)
            .WithSummary("Les effectifs attendus d’un jour (date=AAAA-MM-JJ) par école et service.");
    }

    private static async Task<Results<Ok<ChildMonthDto>, ProblemHttpResult>> GetMonthAsync(
        Guid childId, [FromQuery] string? month, [FromQuery] Guid? householdId, HttpContext http,
        FamilyAccess access, ReservationCalendar calendar, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await access.AuthorizedChildAsync(http.User, childId, ResourceAuthorization.Manage, cancellationToken) is null
            || await access.ActingHouseholdAsync(http.User, childId, householdId, cancellationToken) is not { } acting)
        {
            return ApiRequests.NotFound(localizer);
        }

        var today = tenant.Today(clock);
        DateOnly first;
        if (month is null)
        {
            first = new DateOnly(today.Year, today.Month, 1);
        }
        else if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first) || Math.Abs(first.DayNumber - today.DayNumber) > 800)
        {
            return ApiRequests.Problem(StatusCodes.Status400BadRequest, localizer["Le mois s’écrit AAAA-MM et reste à moins de deux ans d’aujourd’hui."]);
        }

        var loaded = await calendar.LoadAsync(childId, acting, first, cancellationToken);
        return TypedResults.Ok(new ChildMonthDto(childId, acting, first.ToString("yyyy-MM", CultureInfo.InvariantCulture), loaded.Booked.Select(s => new ServiceMonthDto(
            s.Service.Id, s.Service.Name, s.Service.DeadlineWorkingDays, s.Service.DeadlineTime, s.Service.LateChanges.ToString(),
            s.Days.Select(d => new CalendarDayDto(d.Day, d.Access.ToString(), d.State?.ToString(), d.BookedByThisHousehold, d.LateChange, d.Deadline)).ToList())).ToList()));
    }

    private static async Task<Results<Ok<ReservationResultDto>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid childId, HttpContext http, FamilyAccess access, ChangeReservations reservations, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (await access.AuthorizedChildAsync(http.User, childId, ResourceAuthorization.Manage, cancellationToken) is null)
        {
            return ApiRequests.NotFound(localizer);
        }

        var (body, problem) = await ApiRequests.ReadAsync<ReservationChangeDto>(http.Request, 64 * 1024, localizer, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await access.ActingHouseholdAsync(http.User, childId, body!.HouseholdId, cancellationToken) is not { } acting)
        {
            return ApiRequests.NotFound(localizer);
        }

        var book = body.Book ?? [];
        var cancel = body.Cancel ?? [];
        if (book.Intersect(cancel).Any())
        {
            return ApiRequests.Invalid([new FormProblem("Cancel", Platform.Localization.Text.Fr("Un même jour ne peut pas être réservé et annulé à la fois."))], localizer);
        }

        var requests = book.Select(d => new DayRequest(d, true)).Concat(cancel.Select(d => new DayRequest(d, false))).ToList();
        var source = http.User.HasAnyProfile(Profile.MunicipalAgent) ? ChangeSource.Agent : ChangeSource.Household;
        var (results, refused) = await reservations.HandleAsync(http.User.RequiredAccountId(), source, acting, childId, body.ServiceId, requests, cancellationToken);
        if (refused is not null)
        {
            return ApiRequests.Invalid([refused], localizer);
        }

        return TypedResults.Ok(new ReservationResultDto(results.Select(r => new DayResultDto(
            r.Day, r.Outcome.ToString(), r.State?.ToString(), r.Reason is null ? null : localizer[r.Reason, r.ReasonArguments].Value)).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<ServiceNumbersDto>>, ProblemHttpResult>> NumbersAsync(
        [FromQuery] string? date, [FromQuery] Guid? schoolId, HttpContext http,
        ExpectedNumbers numbers, StaffSchools staffSchools, IStructureDirectory directory, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var today = tenant.Today(clock);
        DateOnly day;
        if (date is null)
        {
            day = (await directory.GetSchoolCalendarAsync(cancellationToken)).NextWorkingDay(today);
        }
        else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) || Math.Abs(day.DayNumber - today.DayNumber) > 800)
        {
            return ApiRequests.Problem(StatusCodes.Status400BadRequest, localizer["La date s’écrit AAAA-MM-JJ et reste à moins de deux ans d’aujourd’hui."]);
        }

        var schools = await staffSchools.OfAsync(http.User, Profile.AfterSchoolStaff | Profile.Head, cancellationToken);
        if (schoolId is { } id)
        {
            schools = schools.Where(s => s.Id == id).ToList();
            if (schools.Count == 0)
            {
                return ApiRequests.NotFound(localizer);
            }
        }

        var rows = await numbers.LoadAsync(day, schools, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ServiceNumbersDto>>(rows.Select(n => new ServiceNumbersDto(
            n.School.Id, n.School.Uai, n.School.Name, n.ServiceId, n.ServiceName, n.Kind.ToString(),
            n.Expected, n.WaitingList, n.Present, n.PresentWithoutReservation, n.Absent, n.IndividualCarePlans,
            n.Allergies.Where(a => a.Value > 0).ToDictionary(a => a.Key.ToString(), a => a.Value))).ToList());
    }
}
