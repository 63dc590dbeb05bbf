using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Accounts;
using Preau.Platform.Web;
using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>
/// The home pages' budget (the busy hours' page): a constant, small number of queries whatever the number
/// of children, none of them repeated per child or per lesson (no N+1).
/// </summary>
public sealed class HomePageQueryTests(PreauApp app) : IClassFixture<PreauApp>
{

    private static readonly string[] OurTables = ["homework_", "timetable_", "schedule_settings", "schoollife_calendar_feeds"];

    [Fact]
    public async Task GuardianHome_OneOrTwoChildren_SameFewQueries()
    {
        var territory = await app.CreateTerritoryAsync();
        foreach (var (group, school) in new[] { (territory.ClassA, territory.SchoolA), (territory.ClassB, territory.SchoolB) })
        {
            foreach (var hour in new[] { 8, 9, 10, 11, 14 })
            {
                await app.AddSlotAsync(territory, group, school, DayOfWeek.Monday, hour, $"Matière {hour}", null);
                await app.AddSlotAsync(territory, group, school, DayOfWeek.Tuesday, hour, $"Matière {hour}", null);
            }
        }

        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherB), territory.ClassB);
        var guardian = await app.SignInAsync(territory.GuardianA);
        await guardian.GetAsync("/");

        var (oneChild, oneChildOurs) = await CountAsync(guardian, "/");
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            db.GuardianLinks.Add(new GuardianLink { GuardianId = territory.GuardianA.Id, PupilId = territory.PupilB.Id, Relation = GuardianRelation.Mother, HasParentalAuthority = true });
            return await db.SaveChangesAsync();
        });
        await guardian.GetAsync("/");
        var (twoChildren, twoChildrenOurs) = await CountAsync(guardian, "/");

        var home = await PreauApp.GetPageAsync(guardian, "/");
        Assert.Equal(2, home.QuerySelectorAll(".family-day").Length);
        Assert.Equal(oneChild, twoChildren);
        // The family's section: the children with their groups, the day's changes, the work due with its marks, the last visits.
        Assert.InRange(twoChildrenOurs, 1, 4);
        Assert.Equal(oneChildOurs, twoChildrenOurs);
    }

    [Fact]
    public async Task TeacherHome_ManyLessons_FewQueries()
    {
        var territory = await app.CreateTerritoryAsync();
        foreach (var hour in new[] { 8, 9, 10, 11, 13, 14, 15, 16 })
        {
            await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, hour, $"Matière {hour}", territory.TeacherA.Id);
        }

        var teacher = await app.SignInAsync(territory.TeacherA);
        await teacher.GetAsync("/");

        var (_, ours) = await CountAsync(teacher, "/");

        Assert.Equal(8, (await PreauApp.GetPageAsync(teacher, "/")).QuerySelectorAll(".teacher-session").Length);
        // The day's changes and the sessions already written (slots and names are cached).
        Assert.InRange(ours, 1, 2);
    }

    /// <summary>
    /// The queries one request that builds the page runs: all of them, and the School life module's own. The home
    /// kept by the visit before is past its lifetime (decision 0020): the sections are built again.
    /// </summary>
    private async Task<(int All, int Ours)> CountAsync(HttpClient client, string url)
    {
        app.Clock.Advance(HomeSnapshots.Lifetime);
        var commands = await RequestCommands.CaptureAsync(client, url);
        return (commands.Count, commands.Count(IsOurs));
    }

    private static bool IsOurs(string sql) => OurTables.Any(t => sql.Contains(t, StringComparison.Ordinal));
}
