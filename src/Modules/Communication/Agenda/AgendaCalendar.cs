using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Preau.Communication.Agenda;

/// <summary>
/// Agenda events as an iCalendar feed (RFC 5545) that phone and desktop calendars subscribe to: times in
/// the territory's zone (TZID with its VTIMEZONE), one stable UID per event so updates replace the
/// subscriber's copy, SEQUENCE incremented at every change, cancelled events sent as CANCELLED.
/// </summary>
internal static class AgendaCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Build(string name, IEnumerable<AgendaEvent> events, TimeZoneInfo zone, Func<AgendaEvent, string> link)
    {
        var calendar = new Calendar { ProductId = "-//Préau//Agenda//FR" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        calendar.AddTimeZone(zone.Id);
        foreach (var e in events)
        {
            var entry = new CalendarEvent
            {
                Uid = UidOf(e.Id),
                Summary = e.Title,
                Description = e.Description,
                Location = e.Location,
                DtStart = new CalDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.StartsAt, zone), zone.Id),
                DtEnd = new CalDateTime(TimeZoneInfo.ConvertTimeFromUtc(e.EndsAt, zone), zone.Id),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(e.UpdatedAt, DateTimeKind.Utc)),
                Sequence = e.Sequence,
                Status = e.CancelledAt is null ? EventStatus.Confirmed : EventStatus.Cancelled,
                Url = new Uri(link(e)),
            };
            calendar.Events.Add(entry);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>The event's stable UID, the same in every feed it appears in.</summary>
    public static string UidOf(Guid eventId) => $"{eventId:N}@agenda.preau";
}
