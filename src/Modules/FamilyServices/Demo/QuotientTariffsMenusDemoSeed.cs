using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Catchment;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Menus;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Demo;

/// <summary>
/// Valmont's quotient familial, tariffs, menus and catchment: the canteen's and evening care's grids, the
/// Martin family's validated quotient (parent.martin), the central kitchen's menus of this week and the
/// next for the three schools, and the streets of the two primary schools' catchments.
/// </summary>
internal sealed class QuotientTariffsMenusDemoSeed(FamilyServicesDbContext db, IStructureDirectory directory, IHouseholdDirectory households, TenantContext tenant, TimeProvider clock) : IDemoSeed
{
    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = tenant.Today(clock);
        var year = await directory.GetCurrentSchoolYearAsync(cancellationToken);
        var yearStart = year?.StartsOn ?? new DateOnly(today.Year, 9, 1);
        var agents = await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent, cancellationToken);
        var agent = agents.Count > 0 ? agents[0].Id : Guid.Empty;

        db.TariffVersions.AddRange(DemoTariffs.For(yearStart, agent, now));
        await SeedMartinQuotientAsync(agent, yearStart, now, cancellationToken);

        var schools = await directory.ListSchoolsAsync(cancellationToken);
        foreach (var week in new[] { MenuNames.MondayOf(today), MenuNames.MondayOf(today).AddDays(7) })
        {
            var menu = DemoMenus.Week(week, "Cuisine centrale de Valmont", schools.Select(s => s.Id), seed: week.DayNumber);
            menu.Publish(agent, now);
            db.MenuWeeks.Add(menu);
        }

        var maternelle = schools.FirstOrDefault(s => s.Kind == SchoolKind.Maternelle);
        var elementaire = schools.FirstOrDefault(s => s.Kind == SchoolKind.Elementaire);
        if (maternelle is not null && elementaire is not null)
        {
            db.CatchmentRules.AddRange(DemoCatchment.Valmont(maternelle.Id, elementaire.Id));
        }

        var position = 0;
        db.DerogationReasons.AddRange(DerogationReason.Usual.Select(label => new DerogationReason { Label = label, Position = ++position }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedMartinQuotientAsync(Guid agent, DateOnly yearStart, DateTime now, CancellationToken cancellationToken)
    {
        var martin = (await directory.ListAccountsWithProfileAsync(Profile.Guardian, cancellationToken)).FirstOrDefault(p => p.FirstName == "Nathalie" && p.LastName == "Martin");
        if (martin is null || await households.OfGuardianAsync(martin.Id, cancellationToken) is not [var household, ..])
        {
            return;
        }

        var previous = new QuotientFamilialRecord
        {
            HouseholdId = household.Id,
            Source = QuotientSource.CafAttestation,
            Amount = 612.40m,
            CafNumber = "4721983",
            AttestationDate = yearStart.AddYears(-1).AddDays(-10),
            ValidFrom = yearStart.AddYears(-1),
            ValidUntil = yearStart.AddDays(-1),
            SubmittedBy = martin.Id,
            SubmittedAt = now.AddYears(-1),
        };
        previous.Validate(agent, now.AddYears(-1));
        var current = new QuotientFamilialRecord
        {
            HouseholdId = household.Id,
            Source = QuotientSource.DeclaredIncome,
            Amount = QuotientRule.Quotient(3_120m, 3m),
            MonthlyIncome = 3_120m,
            Parts = 3m,
            Couple = true,
            Children = 2,
            DisabledChildren = 0,
            ValidFrom = yearStart,
            ValidUntil = new DateOnly(yearStart.Year + 1, 8, 31),
            SubmittedBy = martin.Id,
            SubmittedAt = now.AddDays(-60),
        };
        current.Validate(agent, now.AddDays(-58));
        db.QuotientRecords.AddRange(previous, current);
    }
}

/// <summary>The demo's tariff grids (also used by the synthetic territory).</summary>
internal static class DemoTariffs
{
    public static IEnumerable<TariffVersion> For(DateOnly startsOn, Guid agent, DateTime now)
    {
        var canteen = new TariffVersion
        {
            Kind = ServiceKind.Canteen,
            Label = $"Restauration scolaire {startsOn.Year}-{startsOn.Year + 1}",
            StartsOn = startsOn,
            Unit = BillingUnit.PerDay,
            Brackets = Brackets((0, 1.00m), (450, 2.10m), (800, 3.20m), (1200, 4.40m)),
            SecondChildReductionPercent = 10,
            FurtherChildReductionPercent = 20,
            LateMode = PenaltyMode.SurchargePercent,
            LateValue = 20,
            NoReservationMode = PenaltyMode.FixedPrice,
            NoReservationValue = 6.50m,
            CreatedBy = agent,
            CreatedAt = now,
        };
        var evening = new TariffVersion
        {
            Kind = ServiceKind.EveningCare,
            Label = $"Accueil du soir {startsOn.Year}-{startsOn.Year + 1}",
            StartsOn = startsOn,
            Unit = BillingUnit.PerSession,
            Brackets = Brackets((0, 0.80m), (450, 1.50m), (800, 2.30m), (1200, 3.10m)),
            SecondChildReductionPercent = 10,
            FurtherChildReductionPercent = 10,
            NoReservationMode = PenaltyMode.SurchargePercent,
            NoReservationValue = 50,
            CreatedBy = agent,
            CreatedAt = now,
        };
        canteen.Publish(agent, now);
        evening.Publish(agent, now);
        return [canteen, evening];
    }

    private static List<TariffBracket> Brackets(params (decimal Lower, decimal Price)[] rows) =>
        rows.Select((r, i) => new TariffBracket { Position = i + 1, LowerBound = r.Lower, UpperBound = i + 1 < rows.Length ? rows[i + 1].Lower : null, UnitPrice = r.Price }).ToList();
}

/// <summary>Menus of a French school canteen, with their allergens and labels (demo and synthetic data).</summary>
internal static class DemoMenus
{
    private static readonly (Course Course, string Name, Allergen Allergens, DishLabel Labels)[] Dishes =
    [
        (Course.Starter, "Carottes râpées vinaigrette", Allergen.Mustard, DishLabel.Organic),
        (Course.Starter, "Salade de lentilles", Allergen.Mustard | Allergen.Celery, DishLabel.Local),
        (Course.Starter, "Velouté de potiron", Allergen.Milk, DishLabel.Homemade | DishLabel.Seasonal),
        (Course.Starter, "Œuf dur mayonnaise", Allergen.Eggs | Allergen.Mustard, DishLabel.None),
        (Course.Starter, "Concombre à la crème", Allergen.Milk, DishLabel.Organic),
        (Course.Main, "Poisson pané, citron", Allergen.Fish | Allergen.Gluten, DishLabel.Fish),
        (Course.Main, "Sauté de bœuf aux carottes", Allergen.Celery, DishLabel.LabelRouge),
        (Course.Main, "Lasagnes aux légumes", Allergen.Gluten | Allergen.Milk | Allergen.Eggs, DishLabel.Vegetarian | DishLabel.Homemade),
        (Course.Main, "Poulet rôti", Allergen.None, DishLabel.LabelRouge | DishLabel.Local),
        (Course.Main, "Omelette aux fines herbes", Allergen.Eggs | Allergen.Milk, DishLabel.Vegetarian | DishLabel.Organic),
        (Course.Side, "Riz pilaf", Allergen.None, DishLabel.Organic),
        (Course.Side, "Haricots verts", Allergen.None, DishLabel.Local),
        (Course.Side, "Purée de pommes de terre", Allergen.Milk, DishLabel.Homemade),
        (Course.Side, "Semoule", Allergen.Gluten, DishLabel.None),
        (Course.Dairy, "Yaourt nature", Allergen.Milk, DishLabel.Organic | DishLabel.Local),
        (Course.Dairy, "Comté", Allergen.Milk, DishLabel.Origin),
        (Course.Dairy, "Fromage blanc", Allergen.Milk, DishLabel.None),
        (Course.Dessert, "Pomme", Allergen.None, DishLabel.Local | DishLabel.Seasonal),
        (Course.Dessert, "Gâteau au chocolat", Allergen.Gluten | Allergen.Eggs | Allergen.Milk, DishLabel.Homemade),
        (Course.Dessert, "Compote de poires", Allergen.None, DishLabel.Organic),
        (Course.Dessert, "Clémentines", Allergen.None, DishLabel.Seasonal),
        (Course.Snack, "Pain et barre de chocolat", Allergen.Gluten | Allergen.Milk | Allergen.Soybeans, DishLabel.None),
    ];

    /// <summary>A week (Monday to Friday, no meal on Wednesday) of four courses a day, varied by <paramref name="seed"/>.</summary>
    public static MenuWeek Week(DateOnly monday, string kitchen, IEnumerable<Guid> schoolIds, int seed)
    {
        var menu = new MenuWeek { WeekStart = monday, Kitchen = kitchen, Schools = schoolIds.Select(id => new MenuSchool { SchoolId = id, WeekStart = monday }).ToList() };
        foreach (var (day, index) in menu.Days.Select((d, i) => (d, i)).Where(x => x.d.DayOfWeek != DayOfWeek.Wednesday))
        {
            var position = 0;
            foreach (var course in new[] { Course.Starter, Course.Main, Course.Side, Course.Dairy, Course.Dessert })
            {
                var choices = Dishes.Where(d => d.Course == course).ToList();
                var dish = choices[Math.Abs(seed + (index * 3) + (int)course) % choices.Count];
                menu.Dishes.Add(new MenuDish { MenuWeekId = menu.Id, Day = day, Course = course, Position = position++, Name = dish.Name, Allergens = dish.Allergens, Labels = dish.Labels });
            }
        }

        return menu;
    }
}

/// <summary>Valmont's catchment: the streets around the nursery and the elementary school.</summary>
internal static class DemoCatchment
{
    public static IEnumerable<CatchmentRule> Valmont(Guid maternelle, Guid elementaire)
    {
        var streets = new (string Name, NumberParity Parity, int? From, int? To)[]
        {
            ("Rue des Tilleuls", NumberParity.All, null, null),
            ("Avenue Jean-Jaurès", NumberParity.Odd, 1, 79),
            ("Avenue Jean-Jaurès", NumberParity.Even, 2, 60),
            ("Place de la Mairie", NumberParity.All, null, null),
            ("Rue Victor-Hugo", NumberParity.All, null, null),
            ("Allée des Acacias", NumberParity.All, null, null),
            ("Chemin du Moulin", NumberParity.All, 1, 120),
            ("Boulevard de la République", NumberParity.All, null, null),
        };
        foreach (var (name, parity, from, to) in streets)
        {
            foreach (var (school, level) in new[] { (maternelle, SchoolLevel.Maternelle), (elementaire, SchoolLevel.Elementaire) })
            {
                yield return new CatchmentRule { SchoolId = school, Levels = level, Kind = CatchmentRuleKind.Street, Name = name, NormalizedName = StreetNames.Normalize(name), Parity = parity, FromNumber = from, ToNumber = to };
            }
        }

        foreach (var (school, level) in new[] { (maternelle, SchoolLevel.Maternelle), (elementaire, SchoolLevel.Elementaire) })
        {
            yield return new CatchmentRule { SchoolId = school, Levels = level, Kind = CatchmentRuleKind.Area, Name = "Hameau de Clairval", NormalizedName = StreetNames.Normalize("Hameau de Clairval") };
        }
    }
}
