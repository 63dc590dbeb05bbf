using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Data;
using Preau.Platform.Data;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.Tests.Infrastructure;
using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.Platform;

/// <summary>
/// The homes kept between visits (docs/decisions/0020): a second visit takes the sections from the snapshot
/// with one query, and any change to what a home shows, by whatever path it is written, shows on the next
/// visit; never a family's home to another.
/// </summary>
public sealed class HomeSnapshotTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task SecondVisit_SameHome_FromTheSnapshotWithOneQueryForTheVersions()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 9, "Histoire", territory.TeacherA.Id);
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var guardian = await app.SignInAsync(territory.GuardianA);

        var built = await RequestCommands.CaptureAsync(guardian, "/");
        var builtHome = await MainAsync(guardian);
        var kept = await RequestCommands.CaptureAsync(guardian, "/");

        Assert.Contains("Exercices 5 et 6 page 42.", builtHome, StringComparison.Ordinal);
        Assert.Equal(builtHome, await MainAsync(guardian));
        // The snapshot's versions only: the navigation's badges are kept under the account's version too.
        Assert.True(kept.Count == 1 && kept[0].Contains("platform_scope_versions", StringComparison.Ordinal), string.Join("\n---\n", kept));
        Assert.True(built.Count > kept.Count + 5, $"{built.Count} queries to build, {kept.Count} from the snapshot");
    }

    [Fact]
    public async Task TeachersSecondVisit_FromTheSnapshotWithOneQueryForTheVersions()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 9, "Histoire", territory.TeacherA.Id);
        var teacher = await app.SignInAsync(territory.TeacherA);

        await RequestCommands.CaptureAsync(teacher, "/");
        var kept = await RequestCommands.CaptureAsync(teacher, "/");

        // The snapshot's versions only.
        Assert.True(kept.Count == 1 && kept[0].Contains("platform_scope_versions", StringComparison.Ordinal), string.Join("\n---\n", kept));
    }

    [Fact]
    public async Task GuardiansHome_EachChangeOfSchoolLife_ShowsOnTheNextVisit()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 9, "Histoire", territory.TeacherA.Id);
        var tomorrows = await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Tuesday, 10, "Sciences", territory.TeacherA.Id);
        var teacher = await app.SignInAsync(territory.TeacherA);
        var guardian = await app.SignInAsync(territory.GuardianA);
        await MainAsync(guardian);
        await MainAsync(guardian);

        // Homework written through the teacher's form.
        await WriteEntryAsync(teacher, territory.ClassA, new() { ["Input.Work"] = "Réciter la poésie." });
        Assert.Contains("Réciter la poésie.", await MainAsync(guardian), StringComparison.Ordinal);

        // A roll call: the absence to justify.
        await PreauApp.SubmitFormAsync(teacher, $"/appel?classe={territory.ClassA}&date={Today}&debut=09:00", new() { [$"Presence[{territory.PupilA.Id}]"] = "Absent" });
        Assert.Contains("Absences à justifier", await MainAsync(guardian), StringComparison.Ordinal);

        // The notification, written by the outbox's worker (another scope, no request).
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await app.RunOutboxAsync();
        Assert.Contains("Paul est absent(e)", await MainAsync(guardian), StringComparison.Ordinal);

        // Read elsewhere in one bulk statement (ExecuteUpdate, which no change tracker sees).
        await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications
            .Where(n => n.RecipientId == territory.GuardianA.Id).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, app.Clock.GetUtcNow().UtcDateTime)));
        Assert.DoesNotContain("Paul est absent(e)", await MainAsync(guardian), StringComparison.Ordinal);

        // Tomorrow's lesson cancelled by the head, through the timetable's form.
        Assert.DoesNotContain("Annulé", await MainAsync(guardian), StringComparison.Ordinal);
        await CancelAsync(territory, tomorrows, Tomorrow);
        Assert.Contains("Annulé", await MainAsync(guardian), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeachersHome_ALessonCancelled_ShowsOnTheNextVisit()
    {
        var territory = await app.CreateTerritoryAsync();
        var slot = await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 10, "Sciences", territory.TeacherA.Id);
        var teacher = await app.SignInAsync(territory.TeacherA);
        var before = await PreauApp.GetPageAsync(teacher, "/");
        Assert.Single(before.QuerySelectorAll(".teacher-session"));
        Assert.Empty(before.QuerySelectorAll(".teacher-session--cancelled"));

        await CancelAsync(territory, slot, Today);

        Assert.Single((await PreauApp.GetPageAsync(teacher, "/")).QuerySelectorAll(".teacher-session--cancelled"));
    }

    [Fact]
    public async Task MessagesBadge_KeptWithTheHome_CountsAMessageOnTheNextVisit()
    {
        var territory = await app.CreateTerritoryAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.Equal("0", await MessagesBadgeAsync(guardian));
        Assert.Equal("0", await MessagesBadgeAsync(guardian));

        var sent = await (await app.SignInAsync(territory.TeacherA)).PostAsJsonAsync("/api/v1/conversations",
            new { subject = "Sortie", body = "<p>Prévoir un pique-nique.</p>", recipients = new[] { $"account:{territory.GuardianA.Id}" }, urgent = false });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        Assert.Equal("1", await MessagesBadgeAsync(guardian));
    }

    [Fact]
    public async Task AnotherFamily_NeverGetsTheFirstFamilysHome()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA, new() { ["Input.Work"] = "Travail de la classe A." });
        var familyA = await app.SignInAsync(territory.GuardianA);
        var familyB = await app.SignInAsync(territory.GuardianB);

        Assert.Contains("Travail de la classe A.", await MainAsync(familyA), StringComparison.Ordinal);
        Assert.Contains("Travail de la classe A.", await MainAsync(familyA), StringComparison.Ordinal);
        var homeB = await MainAsync(familyB);

        Assert.DoesNotContain("Travail de la classe A.", homeB, StringComparison.Ordinal);
        Assert.DoesNotContain("Paul", homeB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_LastsAtMostItsLifetime_ForWhatTimeAloneChanges()
    {
        var territory = await app.CreateTerritoryAsync();
        // Published in ten minutes: no row changes when it goes live.
        var publishAt = app.Clock.GetUtcNow().AddMinutes(10).ToOffset(TimeSpan.FromHours(1));
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA, new()
        {
            ["Input.Work"] = "Travail programmé.",
            ["Input.PublishOn"] = Today,
            ["Input.PublishTime"] = publishAt.ToString("HH:mm"),
        });
        var guardian = await app.SignInAsync(territory.GuardianA);
        Assert.DoesNotContain("Travail programmé.", await MainAsync(guardian), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain("Travail programmé.", await MainAsync(guardian), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(10) + HomeSnapshots.Lifetime);

        Assert.Contains("Travail programmé.", await MainAsync(guardian), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Triggers_EveryWritePath_BumpsTheRowsScopes()
    {
        var territory = await app.CreateTerritoryAsync();
        var versions = new List<long>();
        async Task ReadAsync() => versions.Add(await app.InTerritoryAsync(territory.Id, async sp =>
            (await sp.GetRequiredService<ScopeVersionReader>().ReadAsync([territory.PupilA.Id], CancellationToken.None)).GetValueOrDefault(territory.PupilA.Id)));

        await ReadAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 9, "Histoire", territory.TeacherA.Id);
        await ReadAsync();
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<SchoolLifeDbContext>();
            var entry = await WriteEntryThenReadAsync(territory);
            db.HomeworkDone.Add(new Preau.SchoolLife.Homework.HomeworkDone { EntryId = entry, PupilId = territory.PupilA.Id });
            return await db.SaveChangesAsync();
        });
        await ReadAsync();
        await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<SchoolLifeDbContext>().HomeworkDone
            .Where(d => d.PupilId == territory.PupilA.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.DoneAt, app.Clock.GetUtcNow().UtcDateTime)));
        await ReadAsync();
        await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<SchoolLifeDbContext>().HomeworkDone
            .Where(d => d.PupilId == territory.PupilA.Id).ExecuteDeleteAsync());
        await ReadAsync();

        // A slot of the class is not the pupil's scope; the "done" mark's insert, update and delete each are.
        Assert.Equal(versions[0], versions[1]);
        Assert.True(versions[2] > versions[1] && versions[3] > versions[2] && versions[4] > versions[3], string.Join(", ", versions));
    }

    private async Task CancelAsync(TestTerritory territory, Preau.SchoolLife.Timetable.TimetableSlot slot, string date)
    {
        var saved = await PreauApp.SubmitFormAsync(await app.SignInAsync(territory.HeadA), $"/emploi-du-temps/cours/{slot.Id}/changement/{date}", new() { ["Input.Cancel"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private async Task<Guid> WriteEntryThenReadAsync(TestTerritory territory)
    {
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        return (await app.EntriesAsync(territory.Id, territory.ClassA))[0].Id;
    }

    private static async Task<string> MessagesBadgeAsync(HttpClient client) =>
        (await PreauApp.GetPageAsync(client, "/")).QuerySelector("[data-badge=messages]")!.FirstChild!.TextContent.Trim();

    private static async Task<string> MainAsync(HttpClient client) =>
        (await PreauApp.GetPageAsync(client, "/")).QuerySelector("main")!.TextContent;
}
