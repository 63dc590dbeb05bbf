using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Contracts;
using Preau.Platform.Demo;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>The generator of a year of timetables and homework for benchmarks, on a small territory.</summary>
public sealed class SyntheticDataTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Generate_SmallTerritory_EveryClassGetsAWeekAndAYearOfValidHomework()
    {
        var territory = await app.CreateTerritoryAsync();

        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var generator = sp.GetServices<ISyntheticData>().Single(g => g.GetType().Name == "HomeworkAndTimetableSynthetic");
            await generator.GenerateAsync(new SyntheticScale(2, 3, 4), CancellationToken.None);
            return 0;
        });

        var (slots, entries, done, calendar) = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<SchoolLifeDbContext>();
            return (await db.TimetableSlots.GroupBy(s => s.ClassGroupId).Select(g => g.Count()).ToListAsync(),
                await db.HomeworkEntries.ToListAsync(),
                await db.HomeworkDone.CountAsync(),
                await sp.GetRequiredService<IStructureDirectory>().GetSchoolCalendarAsync());
        });
        Assert.Equal(2, slots.Count);
        Assert.All(slots, count => Assert.Equal(16, count));
        Assert.InRange(entries.Count, 2 * 2 * 130, 2 * 2 * 150);
        Assert.All(entries.Where(e => e.DueOn is not null), e => Assert.Null(HomeworkRules.SchoolDayError(e.DueOn!.Value, e.SchoolYearId, calendar)));
        Assert.True(done > 0);

        var home = await PreauApp.GetPageAsync(await app.SignInAsync(territory.GuardianA), "/");
        Assert.NotEmpty(home.QuerySelectorAll(".family-day .lesson"));
    }
}
