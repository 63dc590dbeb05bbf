using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>A session prepared in advance: hidden from families until its publication, notified then (its own app: it moves the clock).</summary>
public sealed class ScheduledHomeworkTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task ScheduledEntry_BeforeAndAfterItsPublication_HiddenThenShownAndNotified()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var saved = await WriteEntryAsync(teacher, territory.ClassA, new()
        {
            ["Input.DueOn"] = "2026-11-26",
            ["Input.PublishOn"] = Tomorrow,
            ["Input.PublishTime"] = "07:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var entry = Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassA));
        var guardian = await app.SignInAsync(territory.GuardianA);

        await app.RunOutboxAsync();
        Assert.Empty(await app.NotificationsAsync(territory.Id, territory.GuardianA.Id, "schoollife.homework"));
        Assert.DoesNotContain("Exercices 5 et 6", await MainTextAsync(guardian, $"/cahier-de-textes/eleve/{territory.PupilA.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await guardian.GetAsync($"/cahier-de-textes/seance/{entry.Id}")).StatusCode);
        Assert.Contains("Publication programmée", await MainTextAsync(teacher, $"/cahier-de-textes/classe/{territory.ClassA}"), StringComparison.Ordinal);

        // Tuesday 24 November 2026, 07:00 in Paris (06:00 UTC): 22 h 30 later.
        app.Clock.Advance(TimeSpan.FromHours(22.5));
        await app.RunOutboxAsync();

        Assert.Single(await app.NotificationsAsync(territory.Id, territory.GuardianA.Id, "schoollife.homework"));
        Assert.Contains("Exercices 5 et 6", await MainTextAsync(guardian, $"/cahier-de-textes/eleve/{territory.PupilA.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await guardian.GetAsync($"/cahier-de-textes/seance/{entry.Id}")).StatusCode);
    }
}

/// <summary>A session deleted before its publication (its own app: it moves the clock).</summary>
public sealed class ScheduledHomeworkDeletionTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task ScheduledEntry_DeletedBeforeItsPublication_NotifiesNobody()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        await WriteEntryAsync(teacher, territory.ClassA, new() { ["Input.DueOn"] = "", ["Input.Work"] = "", ["Input.PublishOn"] = Tomorrow, ["Input.PublishTime"] = "18:00" });
        var entry = Assert.Single(await app.EntriesAsync(territory.Id, territory.ClassA));

        var deleted = await PreauApp.SubmitFormAsync(teacher, $"/cahier-de-textes/seance/{entry.Id}/modifier", new(), handler: "Delete");
        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.RunOutboxAsync();

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(await app.EntriesAsync(territory.Id, territory.ClassA));
        Assert.Empty(await app.NotificationsAsync(territory.Id, territory.GuardianA.Id, "schoollife.homework"));
    }
}
