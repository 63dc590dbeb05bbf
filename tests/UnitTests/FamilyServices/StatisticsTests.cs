using System.Text;
using System.Xml.Linq;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Statistics;
using Preau.FamilyServices.Tariffs;

namespace Preau.UnitTests.FamilyServices;

/// <summary>Issue 5, item 9: the statistics' definitions (rates, months, filters), their CSV, their charts and the estimate's pricing.</summary>
public sealed class StatisticsTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly Month November = new(2026, 11);

    [Fact]
    public void Rate_AttendedOverMarked_NotMarkedDaysLeftOut_OneDecimalHalfAwayFromZero()
    {
        var counts = new AttendanceCounts(NotMarked: 10, Present: 1, PresentWithoutReservation: 1, AbsentExcused: 1, AbsentUnexcused: 0, CancelledLate: 4);

        Assert.Equal(66.7m, counts.Rate);
        Assert.Equal(12, counts.Booked);
        Assert.Equal(2, counts.Attended);
        Assert.Equal(3, counts.Marked);
        Assert.Equal(16, counts.Billable);
        Assert.Null(new AttendanceCounts(5, 0, 0, 0, 0, 0).Rate);
        Assert.Equal(12.5m, Rates.Percent(1, 8));
        Assert.Equal(0.1m, Rates.Percent(1, 1999));
        Assert.Equal(16.7m, Rates.Percent(1, 6));
        Assert.Null(Rates.Percent(3, 0));
        Assert.Equal(new AttendanceCounts(11, 2, 1, 1, 0, 4), counts + new AttendanceCounts(1, 1, 0, 0, 0, 0));
    }

    [Fact]
    public void RegistrationFillRate_PlacesHeldOverCapacity_NoneWithoutCapacity()
    {
        var counts = new RegistrationCounts(Accepted: 9, Pending: 1, WaitingList: 4);

        Assert.Equal(83.3m, counts.FillRate(12));
        Assert.Null(counts.FillRate(null));
        Assert.Null(counts.FillRate(0));
    }

    [Theory]
    [InlineData("2026-11-30T22:59:00Z", "Europe/Paris", "2026-11")]
    [InlineData("2026-11-30T23:00:00Z", "Europe/Paris", "2026-12")]
    [InlineData("2026-12-01T02:00:00Z", "America/Martinique", "2026-11")]
    [InlineData("2026-11-30T13:00:00Z", "Pacific/Noumea", "2026-12")]
    public void CurrentMonth_IsTheTerritorysLocalMonth(string utc, string zone, string expected)
    {
        var month = Month.Current(new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)), TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal(expected, month.ToString());
    }

    [Fact]
    public void Month_BucketsLocalDates_AndSpansRanges()
    {
        Assert.Equal(November, Month.Of(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2026, 11, 30), November.LastDay);
        Assert.Equal(new DateOnly(2027, 2, 28), new Month(2027, 2).LastDay);
        Assert.Equal(new Month(2027, 1), new Month(2026, 12).Next);
        Assert.Equal(14, Month.Span(new Month(2025, 11), new Month(2026, 12)));
        Assert.Equal(["2026-11", "2026-12", "2027-01"], Month.Range(November, new Month(2027, 1)).Select(m => m.ToString()));
        Assert.Equal("novembre 2026", November.Label(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Theory]
    [InlineData("2026-1")]
    [InlineData("2026-13")]
    [InlineData("26-11")]
    [InlineData("1999-12")]
    [InlineData("2026-11-01")]
    [InlineData("<script>")]
    [InlineData("")]
    public void Month_TryParse_RefusesAnythingButAaaaMm(string text) => Assert.False(Month.TryParse(text, out _));

    [Fact]
    public void Filter_Defaults_FromTheSchoolYearToThisMonth()
    {
        var (filter, problems) = StatisticsFilterParser.Parse(new StatisticsQuery(null, null, null, null, null, null), November, new DateOnly(2026, 9, 1));

        Assert.Empty(problems);
        Assert.Equal((new Month(2026, 9), November, November), (filter.From, filter.To, filter.DayMonth));
        Assert.Equal((new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 30)), (filter.FirstDay, filter.LastDay));

        var withoutYear = StatisticsFilterParser.Parse(new StatisticsQuery(null, null, null, null, null, null), November, null).Filter;
        Assert.Equal(new Month(2025, 12), withoutYear.From);
    }

    [Theory]
    [InlineData("2026-13", null, null, null, null, "du", "Le mois de début s’écrit AAAA-MM (par exemple 2026-09).")]
    [InlineData(null, "novembre", null, null, null, "au", "Le mois de fin s’écrit AAAA-MM (par exemple 2026-11).")]
    [InlineData("2024-11", "2026-11", null, null, null, "du", "Choisissez une période de {0} mois au plus.")]
    [InlineData("2026-11", "2026-09", null, null, null, "du", "Le mois de début doit précéder le mois de fin.")]
    [InlineData(null, null, "2026-02", null, null, "mois", "Le mois détaillé doit faire partie de la période choisie.")]
    [InlineData(null, null, null, "' OR 1=1 --", null, "ecole", "Cette école n’existe pas ou ne vous est pas accessible.")]
    [InlineData(null, null, null, null, "3", "type", "Ce type de service n’existe pas.")]
    [InlineData(null, null, null, null, "Canteen,Study", "type", "Ce type de service n’existe pas.")]
    public void Filter_BadValues_FrenchProblem(string? from, string? to, string? month, string? school, string? kind, string field, string message)
    {
        var (filter, problems) = StatisticsFilterParser.Parse(new StatisticsQuery(from, to, month, school, kind, null), November, new DateOnly(2026, 9, 1));

        var problem = Assert.Single(problems);
        Assert.Equal((field, message), (problem.Field, problem.Message));
        Assert.True(filter.MonthCount <= StatisticsFilter.MaxMonths);
    }

    [Fact]
    public void Filter_TwentyFourMonths_KindByName_Accepted()
    {
        var school = Guid.NewGuid();
        var (filter, problems) = StatisticsFilterParser.Parse(new StatisticsQuery("2024-12", "2026-11", "2025-03", school.ToString(), "eveningcare", null), November, null);

        Assert.Empty(problems);
        Assert.Equal((24, new Month(2025, 3), school, ServiceKind.EveningCare), (filter.MonthCount, filter.DayMonth, filter.SchoolId!.Value, filter.Kind!.Value));
        Assert.Single(StatisticsFilterParser.Parse(new StatisticsQuery(new string('9', 5000), null, null, null, null, null), November, null).Problems);
    }

    [Fact]
    public void Csv_SemicolonsDecimalCommaBomAndFormulasNeutralised()
    {
        var csv = new StatisticsCsv(["École", "Taux (%)"])
            .Row("=HYPERLINK(\"http://x\")", 66.7m)
            .Row("+33 1 23", -1.5m)
            .Row("-2", 1234.5m)
            .Row("@SUM(A1)", 100.0m)
            .Row("Les Tilleuls; annexe", null)
            .Row("\tTab", 3);

        var bytes = csv.ToBytes();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(
        [
            "École;Taux (%)",
            "\"'=HYPERLINK(\"\"http://x\"\")\";66,7",
            "'+33 1 23;-1,5",
            "'-2;1234,5",
            "'@SUM(A1);100",
            "\"Les Tilleuls; annexe\";",
            "'\tTab;3",
            "",
        ], lines);
        Assert.Equal("2026-11", StatisticsCsv.Cell(November));
        Assert.Equal("2026-11-02", StatisticsCsv.Cell(new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void Chart_IsAnImageWithAFrenchNameAndOneRowPerBar()
    {
        var svg = BarChart.Render("chart-test", "Graphique : jours de présence par mois", [
            new Bar("septembre 2026", 120, "120 jours"),
            new Bar("<script>alert(1)</script>", 60, "60"),
            new Bar("novembre 2026", 0, "0"),
        ]).ToString()!;

        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal("img", root.Attribute("role")!.Value);
        Assert.Equal("Graphique : jours de présence par mois", root.Attribute("aria-label")!.Value);
        Assert.Equal("Graphique : jours de présence par mois", root.Elements().First(e => e.Name.LocalName == "title").Value);
        var rows = root.Elements().Where(e => e.Name.LocalName == "g").ToList();
        Assert.Equal(["120", "60", "0"], rows.Select(r => r.Attribute("data-value")!.Value));
        var widths = rows.Select(r => int.Parse(r.Elements().Single(e => e.Name.LocalName == "rect").Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(widths[0], 2 * widths[1]);
        Assert.Equal(0, widths[2]);
        Assert.Equal(["120 jours", "60", "0"], rows.Select(r => r.Elements().Last().Value));
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", BarChart.Render("empty", "Vide", []).ToString(), StringComparison.Ordinal);
    }

    private static readonly ServiceRow Canteen = new(Guid.NewGuid(), "Cantine", ServiceKind.Canteen, Guid.NewGuid(), BillingUnit.PerDay, null, true, null, null);

    private static TariffVersion Grid(DateOnly startsOn, decimal price, ServiceKind kind = ServiceKind.Canteen, BillingUnit unit = BillingUnit.PerDay)
    {
        var version = new TariffVersion
        {
            Kind = kind,
            Label = "Grille",
            StartsOn = startsOn,
            Unit = unit,
            Brackets = [new TariffBracket { Position = 1, LowerBound = 0, UpperBound = 500, UnitPrice = 1m }, new TariffBracket { Position = 2, LowerBound = 500, UnitPrice = price }],
            SecondChildReductionPercent = 10,
            FurtherChildReductionPercent = 20,
            LateMode = PenaltyMode.SurchargePercent,
            LateValue = 50,
        };
        version.Publish(Guid.NewGuid(), new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc));
        return version;
    }

    private static readonly ILookup<Guid, QuotientFamilialRecord> NoQuotients = Array.Empty<QuotientFamilialRecord>().ToLookup(q => q.HouseholdId);

    [Fact]
    public void Estimate_SiblingsRankedPerHouseholdAndService_LateSurcharged_UnpricedCounted()
    {
        var household = Guid.NewGuid();
        var (first, second) = (new Guid("00000000-0000-0000-0000-000000000001"), new Guid("00000000-0000-0000-0000-000000000002"));
        var day = new DateOnly(2026, 11, 2);
        RevenueEstimate.Line[] lines =
        [
            new(household, second, Canteen.Id, DayState.Present, false, 10, 0m, day),
            new(household, first, Canteen.Id, DayState.Present, false, 10, 0m, day),
            new(household, first, Canteen.Id, DayState.Reserved, true, 1, 0m, day),
        ];

        var priced = RevenueEstimate.Price(lines, [Canteen], [Grid(new DateOnly(2026, 9, 1), 3m)], NoQuotients)[Canteen.Id];
        var unpriced = RevenueEstimate.Price(lines, [Canteen], [Grid(new DateOnly(2026, 12, 1), 3m)], NoQuotients)[Canteen.Id];

        // No quotient: the highest bracket, 3 €. First child 10 × 3 = 30; second 30 − 10 % = 27; a late day 3 + 50 % = 4,50.
        Assert.Equal((61.50m, 21, 21m, 0), (priced.Amount, priced.BillableDays, priced.Quantity, priced.UnpricedDays));
        Assert.Equal((0m, 21, 21), (unpriced.Amount, unpriced.BillableDays, unpriced.UnpricedDays));
    }

    [Fact]
    public void Estimate_QuotientInForceOnTheLinesFirstDay_AndHoursForHourlyTariffs()
    {
        var household = Guid.NewGuid();
        var quotient = new QuotientFamilialRecord { HouseholdId = household, Amount = 300m, ValidFrom = new DateOnly(2026, 9, 1), ValidUntil = new DateOnly(2027, 8, 31) };
        quotient.ValidateOnEntry(Guid.NewGuid(), new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));
        var evening = Canteen with { Id = Guid.NewGuid(), Kind = ServiceKind.EveningCare, Unit = BillingUnit.PerHour, OpensAt = new TimeOnly(16, 30), ClosesAt = new TimeOnly(18, 30) };
        RevenueEstimate.Line[] lines =
        [
            new(household, Guid.NewGuid(), Canteen.Id, DayState.Present, false, 4, 0m, new DateOnly(2026, 11, 2)),
            new(household, Guid.NewGuid(), evening.Id, DayState.Present, false, 2, 3.5m, new DateOnly(2026, 11, 2)),
        ];

        var priced = RevenueEstimate.Price(lines, [Canteen, evening], [Grid(new DateOnly(2026, 9, 1), 3m), Grid(new DateOnly(2026, 9, 1), 2m, ServiceKind.EveningCare, BillingUnit.PerHour)], new[] { quotient }.ToLookup(q => q.HouseholdId));

        Assert.Equal(4m, priced[Canteen.Id].Amount);
        Assert.Equal((3.5m, 3.5m), (priced[evening.Id].Quantity, priced[evening.Id].Amount));
        Assert.Equal(2m, RevenueEstimate.Hours(null, null, evening));
        Assert.Equal(1.75m, RevenueEstimate.Hours(new TimeOnly(16, 30), new TimeOnly(18, 5), evening));
        Assert.Equal(1.25m, RevenueEstimate.Hours(new TimeOnly(8, 0), new TimeOnly(9, 5), evening));
        Assert.Equal(1m, RevenueEstimate.Hours(null, null, Canteen));
    }

    [Fact]
    public void Estimate_MonthCutWhereATariffStarts()
    {
        var first = new DateOnly(2026, 11, 1);
        var last = new DateOnly(2026, 11, 30);

        var segments = RevenueEstimate.Segments(first, last, [new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 16), new DateOnly(2026, 12, 1)]).ToList();

        Assert.Equal([(first, new DateOnly(2026, 11, 15)), (new DateOnly(2026, 11, 16), last)], segments);
        Assert.Equal([(first, last)], RevenueEstimate.Segments(first, last, [first]).ToList());
    }
}
