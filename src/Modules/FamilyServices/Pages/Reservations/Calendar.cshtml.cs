using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Pages.Reservations;

/// <summary>
/// A child's month, service by service: the household ticks the days it books and saves; or books a
/// period "the same every week". Works as a plain form; every refusal comes back with its reason.
/// </summary>
[Authorize(Policy = FamilyServicesPermissions.BookDays)]
internal sealed class CalendarModel(
    FamilyAccess access,
    ReservationCalendar calendar,
    ChangeReservations reservations,
    ApplyWeeklyPattern patterns,
    TenantContext tenant,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    public Guid ChildId { get; private set; }

    public Guid HouseholdId { get; private set; }

    public string ChildName { get; private set; } = string.Empty;

    public IReadOnlyList<(Guid Id, string FirstName)> Siblings { get; private set; } = [];

    public ReservationCalendar.Month Month { get; private set; } = null!;

    public IReadOnlyList<string> Done { get; private set; } = [];

    public PatternForm Pattern { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid childId, [FromQuery(Name = "mois")] string? month, [FromQuery(Name = "foyer")] Guid? householdId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, month, householdId, cancellationToken))
        {
            return NotFound();
        }

        Pattern.From = Month.First < tenant.Today(clock) ? tenant.Today(clock) : Month.First;
        Pattern.To = Month.First.AddMonths(1).AddDays(-1);
        Pattern.ServiceId = Month.Booked.Count > 0 ? Month.Booked[0].Service.Id : Guid.Empty;
        return Page();
    }

    /// <summary>Saves the month's ticks: ticked days are booked, unticked ones (among those shown as changeable) cancelled.</summary>
    public async Task<IActionResult> OnPostAsync(Guid childId, [FromQuery(Name = "mois")] string? month, [FromQuery(Name = "foyer")] Guid? householdId,
        [FromForm(Name = "jour")] List<string>? ticked, [FromForm(Name = "affiche")] List<string>? shown, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(childId, month, householdId, cancellationToken))
        {
            return NotFound();
        }

        var wanted = (ticked ?? []).Select(ParseKey).OfType<(Guid, DateOnly)>().ToHashSet();
        var requests = (shown ?? []).Take(ChangeReservations.MaxDays).Select(ParseKey).OfType<(Guid ServiceId, DateOnly Day)>()
            .Select(k => (k.ServiceId, Request: new DayRequest(k.Day, wanted.Contains(k))))
            .Where(k => Month.Booked.Any(s => s.Service.Id == k.ServiceId && s.Days.Any(d => d.Day == k.Request.Day && d.BookedByThisHousehold != k.Request.Book)))
            .GroupBy(k => k.ServiceId);
        var results = new List<(Service Service, DayResult Result)>();
        foreach (var group in requests)
        {
            var service = Month.Booked.First(s => s.Service.Id == group.Key).Service;
            var (dayResults, problem) = await reservations.HandleAsync(User.RequiredAccountId(), SourceOf(), HouseholdId, ChildId, group.Key, group.Select(g => g.Request).ToList(), cancellationToken);
            if (problem is not null)
            {
                ModelState.AddModelError(string.Empty, $"{service.Name} : {problem.Translate(localizer)}");
            }

            results.AddRange(dayResults.Select(r => (service, r)));
        }

        return await AfterChangesAsync(results, month, householdId, cancellationToken);
    }

    /// <summary>Applies "the same every week" to a period.</summary>
    public async Task<IActionResult> OnPostPatternAsync(Guid childId, [FromQuery(Name = "mois")] string? month, [FromQuery(Name = "foyer")] Guid? householdId,
        [Bind(Prefix = "Pattern")] PatternForm pattern, CancellationToken cancellationToken)
    {
        Pattern = pattern;
        if (!await LoadAsync(childId, month, householdId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Pattern.From is null || Pattern.To is null)
        {
            return Page();
        }

        var days = Pattern.Days.Aggregate(Weekdays.None, (all, d) => all | d);
        var (result, problem) = await patterns.HandleAsync(User.RequiredAccountId(), HouseholdId, ChildId, Pattern.ServiceId, new WeeklyPattern(days, Pattern.From.Value, Pattern.To.Value), cancellationToken);
        if (problem is not null)
        {
            ModelState.AddModelError(problem.Field == "To" ? "Pattern.To" : "Pattern.ServiceId", problem.Translate(localizer));
            return Page();
        }

        var summary = localizer["{0} jour(s) réservé(s), {1} annulé(s), {2} en liste d’attente.", result!.Booked, result.Cancelled, result.WaitingList].Value;
        if (result.Skipped > 0)
        {
            summary += " " + localizer["{0} jour(s) laissé(s) tels quels : le délai de réservation est dépassé.", result.Skipped];
        }

        this.Flash(summary);
        return Redirect(SelfUrl(month, householdId));
    }

    private async Task<IActionResult> AfterChangesAsync(List<(Service Service, DayResult Result)> results, string? month, Guid? householdId, CancellationToken cancellationToken)
    {
        var changed = results.Count(r => r.Result.Outcome is not (DayOutcome.Refused or DayOutcome.Unchanged));
        var late = results.Count(r => r.Result.Outcome is DayOutcome.BookedLate or DayOutcome.CancelledLate);
        var message = localizer["{0} changement(s) enregistré(s).", changed].Value + (late > 0 ? " " + localizer["{0} hors délai, au tarif majoré.", late] : string.Empty);
        foreach (var (service, refused) in results.Where(r => r.Result.Outcome == DayOutcome.Refused))
        {
            ModelState.AddModelError(string.Empty, $"{service.Name}, {refused.Day.ToString("dddd d MMMM", CultureInfo.CurrentCulture)} : {localizer[refused.Reason!, refused.ReasonArguments]}");
        }

        if (ModelState.IsValid)
        {
            this.Flash(message);
            return Redirect(SelfUrl(month, householdId));
        }

        // Some days were refused: show them with the month as it is now (the others were saved).
        Done = [message];
        await LoadAsync(ChildId, month, householdId, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid childId, string? month, Guid? householdId, CancellationToken cancellationToken)
    {
        if (await access.AuthorizedChildAsync(User, childId, ResourceAuthorization.Manage, cancellationToken) is null
            || await access.ActingHouseholdAsync(User, childId, householdId, cancellationToken) is not { } acting)
        {
            return false;
        }

        (ChildId, HouseholdId) = (childId, acting);
        var today = tenant.Today(clock);
        var first = MonthOf(month) is { } asked && Math.Abs(asked.DayNumber - today.DayNumber) < 800 ? asked : new DateOnly(today.Year, today.Month, 1);
        Month = await calendar.LoadAsync(childId, acting, first, cancellationToken);
        var children = await access.ChildrenOfHouseholdAsync(childId, acting, cancellationToken);
        Siblings = children.OrderBy(p => p.FirstName).Select(p => (p.Id, p.FirstName)).ToList();
        ChildName = children.FirstOrDefault(p => p.Id == childId)?.DisplayName ?? string.Empty;
        return true;
    }

    private ChangeSource SourceOf() => User.HasAnyProfile(Profile.MunicipalAgent) ? ChangeSource.Agent : ChangeSource.Household;

    public string SelfUrl(string? month, Guid? householdId) =>
        $"/reservations/{ChildId}?mois={month ?? Month.First.ToString("yyyy-MM", CultureInfo.InvariantCulture)}{(householdId is { } h ? $"&foyer={h}" : string.Empty)}";

    public string MonthUrl(DateOnly first) =>
        $"/reservations/{ChildId}?mois={first.ToString("yyyy-MM", CultureInfo.InvariantCulture)}{(Request.Query.ContainsKey("foyer") ? $"&foyer={HouseholdId}" : string.Empty)}";

    public static string KeyOf(Guid serviceId, DateOnly day) => $"{serviceId:N}|{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>"2026-11" → 1 November 2026; anything else → null.</summary>
    public static DateOnly? MonthOf(string? value) =>
        DateOnly.TryParseExact((value ?? string.Empty) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ? first : null;

    private static (Guid, DateOnly)? ParseKey(string key)
    {
        var parts = key.Split('|');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var service)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (service, day)
            : null;
    }
}

internal sealed class PatternForm
{
    public Guid ServiceId { get; set; }

    public List<Weekdays> Days { get; set; } = [];

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez le début de la période.")]
    public DateOnly? From { get; set; }

    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez la fin de la période.")]
    public DateOnly? To { get; set; }
}
