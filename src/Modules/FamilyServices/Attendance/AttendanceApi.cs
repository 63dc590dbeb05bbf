using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Attendance;

/// <summary>A mark as the tablet sends it: every field as text, so that one bad mark is refused alone, not the whole batch.</summary>
internal sealed record MarkDto(string? Id, string? ServiceId, string? ChildId, string? Day, string? Mark, string? ArrivedAt, string? LeftAt, string? MarkedAt);

internal sealed record MarkBatchDto(List<MarkDto>? Marks);

internal sealed record MarkResultDto(string? Id, Guid? ServiceId, Guid? ChildId, string? Day, string Outcome, string? State, string? Message);

internal sealed record MarkBatchResultDto(IReadOnlyList<MarkResultDto> Results);

/// <summary>
/// POST /api/v1/family/attendance/marks: the synchronisation of marks made on a tablet, possibly offline.
/// Idempotent (each mark carries its client id), last write wins per child and day; each mark gets its
/// own outcome: applied, replayed, stale or rejected (with a French message).
/// </summary>
internal static class AttendanceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/attendance/marks", SyncAsync).RequireAuthorization(FamilyServicesPermissions.PointAttendance)
            .WithSummary("Synchronise des pointages faits sur une tablette (identifiants générés par le client, le plus récent l’emporte).");
    }

    private static async Task<Results<Ok<MarkBatchResultDto>, ProblemHttpResult>> SyncAsync(
        HttpContext http, FamilyAccess access, RecordAttendance record, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiRequests.ReadAsync<MarkBatchDto>(http.Request, 512 * 1024, localizer, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Marks is not { Count: > 0 } marks || marks.Count > RecordAttendance.MaxMarks)
        {
            return ApiRequests.Problem(StatusCodes.Status400BadRequest, localizer["Envoyez entre 1 et {0} pointages.", RecordAttendance.MaxMarks]);
        }

        var results = new MarkResultDto?[marks.Count];
        var valid = new List<(int Index, Guid ServiceId, DateOnly Day, Mark Mark)>();
        for (var i = 0; i < marks.Count; i++)
        {
            if (Parse(marks[i]) is { } parsed)
            {
                valid.Add((i, parsed.ServiceId, parsed.Day, parsed.Mark));
            }
            else
            {
                results[i] = new MarkResultDto(marks[i]?.Id, null, null, marks[i]?.Day, "rejected", null, localizer["Ce pointage est mal formé."]);
            }
        }

        foreach (var group in valid.GroupBy(v => (v.ServiceId, v.Day)))
        {
            var service = await access.AuthorizedServiceAsync(http.User, group.Key.ServiceId, FamilyOperations.Point, cancellationToken);
            var day = group.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (service is null)
            {
                foreach (var (index, _, _, mark) in group)
                {
                    results[index] = new MarkResultDto(mark.ClientId.ToString(), group.Key.ServiceId, mark.ChildId, day, "rejected", null, localizer["Ce service n’existe pas ou ne vous est pas accessible."]);
                }

                continue;
            }

            var items = group.ToList();
            var outcomes = await record.HandleAsync(http.User.RequiredAccountId(), service, group.Key.Day, items.Select(i => i.Mark).ToList(), cancellationToken);
            for (var i = 0; i < items.Count; i++)
            {
                var outcome = outcomes[i];
                results[items[i].Index] = new MarkResultDto(outcome.ClientId?.ToString(), service.Id, outcome.ChildId, day,
                    outcome.Outcome.ToString().ToLowerInvariant(), outcome.State?.ToString(), outcome.Reason is null ? null : localizer[outcome.Reason].Value);
            }
        }

        return TypedResults.Ok(new MarkBatchResultDto(results.Select(r => r!).ToList()));
    }

    private static (Guid ServiceId, DateOnly Day, Mark Mark)? Parse(MarkDto? dto)
    {
        if (dto is null
            || !Guid.TryParse(dto.Id, out var id) || id == Guid.Empty
            || !Guid.TryParse(dto.ServiceId, out var serviceId)
            || !Guid.TryParse(dto.ChildId, out var childId)
            || !DateOnly.TryParseExact(dto.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !Enum.TryParse<AttendanceMark>(dto.Mark, ignoreCase: false, out var mark) || !Enum.IsDefined(mark) || int.TryParse(dto.Mark, out _)
            || !DateTimeOffset.TryParse(dto.MarkedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var markedAt)
            || !ClockTime.TryParse(dto.ArrivedAt, out var arrived) || !ClockTime.TryParse(dto.LeftAt, out var left))
        {
            return null;
        }

        return (serviceId, day, new Mark(id, childId, mark, arrived, left, markedAt.UtcDateTime));
    }

}
