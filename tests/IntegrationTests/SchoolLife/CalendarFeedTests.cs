using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.SchoolLife.Calendars;
using Preau.SchoolLife.Data;
using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>Private iCalendar feeds: a secret address per account, revocable, that a standard library parses.</summary>
public sealed class CalendarFeedTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Feed_GuardianSubscribes_LessonsChangesAndHomeworkParseWithStableUids()
    {
        var territory = await app.CreateTerritoryAsync();
        var monday = await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 10, "Mathématiques", territory.TeacherA.Id);
        var tuesday = await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Tuesday, 9, "Sciences", territory.TeacherA.Id);
        var head = await app.SignInAsync(territory.HeadA);
        await PreauApp.SubmitFormAsync(head, $"/emploi-du-temps/cours/{tuesday.Id}/changement/{Tomorrow}", new() { ["Input.Cancel"] = "true" });
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var guardian = await app.SignInAsync(territory.GuardianA);

        var address = await IssueAsync(guardian);
        var first = await guardian.GetAsync(address);
        var second = await app.CreateClient().GetAsync(address);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await first.Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Paris");
        var lesson = calendar.Events.Single(e => e.Uid == $"lesson-{monday.Id:N}-20261123@preau.calendar");
        Assert.Equal("Paul · Mathématiques", lesson.Summary);
        Assert.Equal("Europe/Paris", lesson.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), lesson.DtStart.Value);
        Assert.Equal("B12", lesson.Location);
        var cancelled = calendar.Events.Single(e => e.Uid == $"lesson-{tuesday.Id:N}-20261124@preau.calendar");
        Assert.Equal(EventStatus.Cancelled, cancelled.Status);
        var homework = Assert.Single(calendar.Events, e => e.Summary!.Contains("À faire : Mathématiques", StringComparison.Ordinal));
        Assert.False(homework.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 11, 24), homework.DtStart.Date);
        var again = Calendar.Load(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task Feed_TeacherSubscribes_SeesTheClassesOfTheirLessons()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Thursday, 13, "Histoire", territory.TeacherA.Id);
        var teacher = await app.SignInAsync(territory.TeacherA);

        var calendar = Calendar.Load(await teacher.GetStringAsync(await IssueAsync(teacher)))!;

        Assert.Contains(calendar.Events, e => e.Summary == "Histoire – CM2 A" && e.DtStart!.Value == new DateTime(2026, 11, 26, 13, 0, 0));
    }

    [Fact]
    public async Task Feed_RegeneratedRevokedUnknownOrMalformed_Returns404()
    {
        var territory = await app.CreateTerritoryAsync();
        var pupil = await app.SignInAsync(territory.PupilA);
        var anonymous = app.CreateClient();

        var first = await IssueAsync(pupil);
        var replaced = await IssueAsync(pupil);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(replaced)).StatusCode);

        var revoke = await PreauApp.SubmitFormAsync(pupil, "/compte/agenda", new(), handler: "Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(replaced)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/agenda/" + new string('A', 43) + ".ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/agenda/..%2F..%2Fetc%2Fpasswd.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/agenda/' OR 1=1 --.ics")).StatusCode);
    }

    [Fact]
    public async Task FeedPage_ShowsTheAddressOnceAndStoresOnlyItsHash()
    {
        var territory = await app.CreateTerritoryAsync();
        var pupil = await app.SignInAsync(territory.PupilA);

        var address = await IssueAsync(pupil);
        var later = await MainTextAsync(pupil, "/compte/agenda");

        var token = address["/agenda/".Length..^".ics".Length];
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
        var stored = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<SchoolLifeDbContext>().CalendarFeeds.SingleAsync());
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(CalendarFeed.Hash(token), stored.TokenHash);
    }

    /// <summary>Creates (or replaces) the account's address from its account page; returns its path.</summary>
    private static async Task<string> IssueAsync(HttpClient client)
    {
        var response = await PreauApp.SubmitFormAsync(client, "/compte/agenda", new(), handler: "Issue");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var address = PreauApp.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#feed-address")!.GetAttribute("value")!;
        Assert.StartsWith("http://localhost/agenda/", address, StringComparison.Ordinal);
        return new Uri(address).AbsolutePath;
    }
}
