using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Catchment;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Demo;
using Preau.FamilyServices.Households;
using Preau.FamilyServices.Menus;
using Preau.FamilyServices.QuotientFamilial;
using Preau.FamilyServices.Tariffs;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Synthetic;

/// <summary>
/// A school year of quotients, tariffs, menus and catchment for a generated territory (benchmarks): the
/// demo's grids; central kitchens of twenty schools each publishing every school week's menu; a validated
/// quotient for about four households in five (the households made at order 50); twenty streets per primary school. Written in batches with
/// the change tracker cleared between them.
/// </summary>
internal sealed class QuotientTariffsMenusSyntheticData(FamilyServicesDbContext db, IStructureDirectory directory, TenantContext tenant, TimeProvider clock) : ISyntheticData
{
    public const int SchoolsPerKitchen = 20;
    public const int StreetsPerSchool = 20;
    private const int BatchSize = 2_000;

    public int Order => 100;

    public async Task GenerateAsync(SyntheticScale scale, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(scale.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var year = await directory.GetCurrentSchoolYearAsync(cancellationToken);
        var today = tenant.Today(clock);
        var (start, end) = year is null ? (new DateOnly(today.Year, 9, 1), new DateOnly(today.Year + 1, 7, 4)) : (year.StartsOn, year.EndsOn);
        var agents = await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent, cancellationToken);
        var agent = agents.Count > 0 ? agents[0].Id : Guid.Empty;
        var schools = await directory.ListSchoolsAsync(cancellationToken);

        db.TariffVersions.AddRange(DemoTariffs.For(start, agent, now));
        await FlushAsync(cancellationToken);

        await GenerateMenusAsync(schools, calendar, start, end, agent, now, cancellationToken);
        await GenerateCatchmentAsync(schools, cancellationToken);
        await GenerateQuotientsAsync(random, start, agent, now, cancellationToken);
    }

    private async Task GenerateMenusAsync(IReadOnlyList<SchoolInfo> schools, SchoolCalendar calendar, DateOnly start, DateOnly end, Guid agent, DateTime now, CancellationToken cancellationToken)
    {
        var pending = 0;
        var kitchens = schools.Where(s => s.Kind is not (SchoolKind.College or SchoolKind.Lycee)).Chunk(SchoolsPerKitchen)
            .Concat(schools.Where(s => s.Kind is SchoolKind.College or SchoolKind.Lycee).Select(s => new[] { s })).ToList();
        for (var monday = MenuNames.MondayOf(start); monday <= end; monday = monday.AddDays(7))
        {
            if (!Enumerable.Range(0, 5).Any(d => calendar.IsSchoolDay(monday.AddDays(d))))
            {
                continue;
            }

            foreach (var (kitchen, index) in kitchens.Select((k, i) => (k, i)))
            {
                var menu = DemoMenus.Week(monday, kitchen.Length == 1 ? kitchen[0].Name : $"Cuisine centrale n° {index + 1}", kitchen.Select(s => s.Id), seed: monday.DayNumber + index);
                menu.Publish(agent, now);
                db.MenuWeeks.Add(menu);
                pending += 1 + menu.Schools.Count + menu.Dishes.Count;
                if (pending >= BatchSize)
                {
                    await FlushAsync(cancellationToken);
                    pending = 0;
                }
            }
        }

        await FlushAsync(cancellationToken);
    }

    private async Task GenerateCatchmentAsync(IReadOnlyList<SchoolInfo> schools, CancellationToken cancellationToken)
    {
        string[] kinds = ["Rue", "Avenue", "Allée", "Chemin", "Impasse", "Place"];
        string[] names = ["des Tilleuls", "Jean-Jaurès", "Victor-Hugo", "de la République", "Pasteur", "des Écoles", "du Moulin", "de la Gare", "Jules-Ferry", "des Lilas"];
        var count = 0;
        foreach (var (school, index) in schools.Where(s => s.Kind is SchoolKind.Maternelle or SchoolKind.Elementaire or SchoolKind.Primaire).Select((s, i) => (s, i)))
        {
            var level = school.Kind switch { SchoolKind.Maternelle => SchoolLevel.Maternelle, SchoolKind.Elementaire => SchoolLevel.Elementaire, _ => SchoolLevel.Both };
            for (var street = 0; street < StreetsPerSchool; street++)
            {
                // Every school has its own streets: the commune's name makes them unique across the département.
                var name = $"{kinds[street % kinds.Length]} {names[(street + index) % names.Length]} ({school.City ?? "secteur"} {index})";
                db.CatchmentRules.Add(new CatchmentRule { SchoolId = school.Id, Levels = level, Kind = CatchmentRuleKind.Street, Name = name, NormalizedName = StreetNames.Normalize(name) });
                if (++count % BatchSize == 0)
                {
                    await FlushAsync(cancellationToken);
                }
            }
        }

        await FlushAsync(cancellationToken);
    }

    private async Task GenerateQuotientsAsync(Random random, DateOnly start, Guid agent, DateTime now, CancellationToken cancellationToken)
    {
        // The households made by the households' synthetic data (order 50), read in pages of ids.
        for (var skip = 0; ; skip += BatchSize)
        {
            var page = await db.Households.AsNoTracking().OrderBy(h => h.Id).Skip(skip).Take(BatchSize)
                .Select(h => new { h.Id, Guardian = h.Members.Where(m => m.Role == MemberRole.Guardian).Select(m => (Guid?)m.PersonId).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var household in page)
            {
                if (household.Guardian is not { } guardian || random.NextDouble() > 0.8)
                {
                    continue;
                }

                var record = new QuotientFamilialRecord
                {
                    HouseholdId = household.Id,
                    Source = random.NextDouble() < 0.7 ? QuotientSource.CafAttestation : QuotientSource.DeclaredIncome,
                    Amount = Math.Round((decimal)(150 + (random.NextDouble() * 1800)), 2),
                    ValidFrom = start,
                    ValidUntil = new DateOnly(start.Year + 1, 8, 31),
                    SubmittedBy = guardian,
                    SubmittedAt = now.AddDays(-random.Next(1, 90)),
                };
                record.Validate(agent, now);
                db.QuotientRecords.Add(record);
            }

            await FlushAsync(cancellationToken);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
