using Preau.FamilyServices.Services;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Statistics;

/// <summary>The dashboard's tables as CSV files (docs/family-services.md, Statistics: the columns).</summary>
internal static class StatisticsTables
{
    private static readonly string[] AttendanceHeaders =
    [
        Fr("Jours réservés"), Fr("Présents"), Fr("Présents sans réservation"), Fr("Absents excusés"), Fr("Absents non excusés"),
        Fr("Annulés hors délai"), Fr("Non pointés"), Fr("Taux de présence (%)"),
    ];

    private static object?[] Attendance(AttendanceCounts c) =>
        [c.Booked, c.Present, c.PresentWithoutReservation, c.AbsentExcused, c.AbsentUnexcused, c.CancelledLate, c.NotMarked, c.Rate];

    public static byte[] MonthsCsv(StatisticsReport report, Func<string, string> translate)
    {
        var csv = new StatisticsCsv(new[] { Fr("Mois") }.Concat(AttendanceHeaders).Select(translate));
        foreach (var (month, counts) in report.ByMonth)
        {
            csv.Row([month, .. Attendance(counts)]);
        }

        return csv.ToBytes();
    }

    public static byte[] DaysCsv(StatisticsReport report, Func<string, string> translate)
    {
        var csv = new StatisticsCsv(new[] { Fr("Date") }.Concat(AttendanceHeaders).Select(translate));
        foreach (var (day, counts) in report.ByDay)
        {
            csv.Row([day, .. Attendance(counts)]);
        }

        return csv.ToBytes();
    }

    public static byte[] ServiceMonthsCsv(StatisticsScope scope, IReadOnlyList<(Guid ServiceId, Month Month, AttendanceCounts Counts)> rows, Func<string, string> translate)
    {
        var csv = new StatisticsCsv(new[] { Fr("UAI"), Fr("École"), Fr("Type de service"), Fr("Service"), Fr("Mois") }.Concat(AttendanceHeaders).Select(translate));
        var order = scope.Services.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        foreach (var (serviceId, month, counts) in rows.OrderBy(r => order[r.ServiceId]).ThenBy(r => r.Month))
        {
            var service = scope.ById[serviceId];
            var school = scope.SchoolById[service.SchoolId];
            csv.Row([school.Uai, school.Name, translate(ServiceLabels.Of(service.Kind)), service.Name, month, .. Attendance(counts)]);
        }

        return csv.ToBytes();
    }

    public static byte[] RegistrationsCsv(StatisticsReport report, Func<string, string> translate)
    {
        var csv = new StatisticsCsv(new[]
        {
            Fr("UAI"), Fr("École"), Fr("Type de service"), Fr("Service"), Fr("Inscriptions acceptées"), Fr("En attente de validation"),
            Fr("Liste d’attente"), Fr("Capacité"), Fr("Taux de remplissage (%)"),
        }.Select(translate));
        foreach (var service in report.Scope.Services)
        {
            var school = report.Scope.SchoolById[service.SchoolId];
            var counts = report.Registrations.GetValueOrDefault(service.Id, RegistrationCounts.Zero);
            csv.Row(school.Uai, school.Name, translate(ServiceLabels.Of(service.Kind)), service.Name, counts.Accepted, counts.Pending, counts.WaitingList, service.Capacity, counts.FillRate(service.Capacity));
        }

        return csv.ToBytes();
    }

    public static byte[] EstimateCsv(StatisticsReport report, Func<string, string> translate)
    {
        var csv = new StatisticsCsv(new[]
        {
            Fr("Mois"), Fr("UAI"), Fr("École"), Fr("Type de service"), Fr("Service"), Fr("Unité de facturation"), Fr("Jours facturables"),
            Fr("Quantité tarifée"), Fr("Montant estimé (€)"), Fr("Jours sans tarif en vigueur"), Fr("Montant facturé (€)"),
        }.Select(translate));
        foreach (var service in report.Scope.Services)
        {
            var school = report.Scope.SchoolById[service.SchoolId];
            var e = report.Estimate?.GetValueOrDefault(service.Id) ?? ServiceEstimate.Empty(service.Id);
            csv.Row(report.Filter.DayMonth, school.Uai, school.Name, translate(ServiceLabels.Of(service.Kind)), service.Name, translate(ServiceLabels.Of(service.Unit)),
                e.BillableDays, e.Quantity, e.Amount, e.UnpricedDays, report.Invoiced?.GetValueOrDefault(service.Id) ?? 0m);
        }

        return csv.ToBytes();
    }
}
