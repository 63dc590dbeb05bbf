using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Agenda;
using Preau.Communication.Publishing;
using Preau.Platform.Authorization;

namespace Preau.IntegrationTests.Communication;

/// <summary>Agenda: events per audience, slots without double booking under concurrent sign-ups, deadlines, reminders, feeds, API.</summary>
public sealed class AgendaTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task ClassEvent_GuardianOfTheClassSeesIt_OthersGet404()
    {
        var t = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var id = await CreateEventAsync(await app.SignInAsync(t.TeacherA), t.ClassA, "Sortie au zoo");

        var guardian = await app.SignInAsync(t.GuardianA);
        Assert.Contains("Sortie au zoo", await guardian.GetStringAsync("/agenda"), StringComparison.Ordinal);
        Assert.Contains("Sortie au zoo", (await PreauApp.GetPageAsync(guardian, "/")).QuerySelector("#agenda-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        foreach (var outsider in new[] { t.GuardianB, t.TeacherB, t.HeadB })
        {
            var client = await app.SignInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/agenda/{id}")).StatusCode);
            Assert.DoesNotContain("Sortie au zoo", await client.GetStringAsync("/agenda"), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(other.GuardianA)).GetAsync($"/agenda/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PublishingArrange.PostWithTokenAsync(await app.SignInAsync(t.TeacherB), "/agenda/organiser", $"/agenda/{id}?handler=Cancel", [])).StatusCode);
    }

    [Fact]
    public async Task SignUp_TwoFamiliesAtTheSameInstant_OnlyOneGetsTheSlot()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var id = await CreateEventAsync(teacher, t.ClassA, "Rencontres parents-enseignante");
        await AddSlotsAsync(teacher, id, "16:30", "17:00", 10);
        var slotId = await app.InCommunicationAsync(t, db => db.EventSlots.Where(s => s.EventId == id).OrderBy(s => s.StartsAt).Select(s => s.Id).FirstAsync());
        // Eight families of the class, each with a child in it, click "Réserver" on the same slot at once.
        var families = new List<(HttpClient Client, IHtmlFormElement Form)>();
        for (var i = 0; i < 8; i++)
        {
            var pupil = await app.AddAccountAsync(t, $"eleve-{i}", Profile.Pupil);
            await app.InTerritoryAsync(t.Id, async sp =>
            {
                var identity = sp.GetRequiredService<Preau.Identity.Data.IdentityDbContext>();
                identity.Enrolments.Add(new Preau.Identity.Classes.Enrolment { PupilId = pupil.Id, ClassGroupId = t.ClassA });
                return await identity.SaveChangesAsync();
            });
            var guardian = await app.AddAccountAsync(t, $"famille-{i}", Profile.Guardian, pupil.Id);
            var client = await app.SignInAsync(guardian);
            var page = await PreauApp.GetPageAsync(client, $"/agenda/{id}");
            families.Add((client, page.Forms.First(f => (f.GetAttribute("action") ?? string.Empty).Contains(slotId.ToString(), StringComparison.Ordinal))));
        }

        var responses = await Task.WhenAll(families.Select(f => PreauApp.PostFormAsync(f.Client, $"/agenda/{id}", f.Form, [])));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in refused)
        {
            Assert.Contains("Ce créneau vient d’être réservé par une autre famille", await PublishingArrange.ErrorsOfAsync(response), StringComparison.Ordinal);
        }

        Assert.Equal(1, await app.InCommunicationAsync(t, db => db.SlotBookings.CountAsync(b => b.SlotId == slotId)));
    }

    [Fact]
    public async Task SignUp_OneSlotPerFamilyAndDeadline_AreEnforcedWithFrenchMessages_OrganiserSeesTheSchedule()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var day = EventDay();
        var id = await CreateEventAsync(teacher, t.ClassA, "Réunion", new() { ["Input.OneSlotPerFamily"] = "true", ["Input.DeadlineOn"] = day.AddDays(-2).ToString("yyyy-MM-dd") });
        await AddSlotsAsync(teacher, id, "16:30", "17:00", 10);
        var overlap = await PreauApp.SubmitFormAsync(teacher, $"/agenda/{id}", SlotFields(day, "16:40", "17:00", 10), handler: "AddSlots");
        Assert.Contains("chevauchent", await PublishingArrange.ErrorsOfAsync(overlap), StringComparison.Ordinal);
        var slots = await app.InCommunicationAsync(t, db => db.EventSlots.Where(s => s.EventId == id).OrderBy(s => s.StartsAt).Select(s => s.Id).ToListAsync());
        Assert.Equal(3, slots.Count);
        var guardian = await app.SignInAsync(t.GuardianA);

        Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync(guardian, id, slots[0])).StatusCode);
        var second = await SignUpAsync(guardian, id, slots[1]);
        Assert.Contains("déjà réservé un créneau pour cet enfant", await PublishingArrange.ErrorsOfAsync(second), StringComparison.Ordinal);
        var schedule = await PreauApp.GetPageAsync(teacher, $"/agenda/{id}");
        Assert.Contains("Gaëlle Élève", schedule.QuerySelector(".schedule")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await SignUpAsync(await app.SignInAsync(t.GuardianB), id, slots[1])).StatusCode);

        app.Clock.Advance(TimeSpan.FromDays((day.DayNumber - DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).DayNumber) - 1));
        var late = await PublishingArrange.PostWithTokenAsync(guardian, $"/agenda/{id}", $"/agenda/{id}?handler=CancelBooking&bookingId={await app.InCommunicationAsync(t, db => db.SlotBookings.Select(b => b.Id).SingleAsync())}", []);
        Assert.Contains("La date limite d’inscription est passée.", await PublishingArrange.ErrorsOfAsync(late), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_DueTheDayBefore_NotifiesTheBookedFamiliesOnly_AndAMovedEventDoesNotRemindTwice()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var id = await CreateEventAsync(teacher, t.ClassA, "Entretiens", new() { ["Input.ReminderMinutes"] = (24 * 60).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await AddSlotsAsync(teacher, id, "16:30", "17:00", 10);
        var slot = await app.InCommunicationAsync(t, db => db.EventSlots.Where(s => s.EventId == id).Select(s => s.Id).FirstAsync());
        await SignUpAsync(await app.SignInAsync(t.GuardianA), id, slot);
        await app.RunOutboxAsync();
        Assert.DoesNotContain(await app.NotificationsOfAsync(t, t.GuardianA.Id), n => n.StartsWith("Rappel", StringComparison.Ordinal));

        app.Clock.Advance(TimeSpan.FromDays(9) + TimeSpan.FromHours(12));
        await app.RunOutboxAsync();

        Assert.Single(await app.NotificationsOfAsync(t, t.GuardianA.Id), n => n.StartsWith("Rappel : Entretiens", StringComparison.Ordinal));
        Assert.DoesNotContain(await app.NotificationsOfAsync(t, t.GuardianWithoutAuthorityA.Id), n => n.StartsWith("Rappel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feeds_PrivateBySecretAddress_AndPublicOfTheSchool_HoldTheRightEventsWithStableUids()
    {
        var t = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(t.HeadA);
        var publicId = await CreateEventAsync(head, t.ClassA, "Fête de fin d’année", new() { ["Input.Target"] = $"school:{t.SchoolA}", ["Input.IsPublic"] = "true" });
        var privateId = await CreateEventAsync(head, t.ClassA, "Réunion de classe");
        var guardian = await app.SignInAsync(t.GuardianA);
        var page = await PreauApp.GetPageAsync(guardian, "/agenda/abonnement");
        var url = new Uri(((IHtmlInputElement)page.QuerySelector("#feed-url")!).Value).PathAndQuery;
        var anonymous = app.CreateClient();

        var personal = await anonymous.GetStringAsync(url);
        Assert.Contains("BEGIN:VCALENDAR", personal, StringComparison.Ordinal);
        Assert.Contains($"UID:{AgendaCalendar.UidOf(privateId)}", personal, StringComparison.Ordinal);
        Assert.Contains("TZID=Europe/Paris", personal, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", personal, StringComparison.Ordinal);
        var uai = await app.UaiOfAsync(t, t.SchoolA);
        var publicFeed = await anonymous.GetStringAsync($"/t/{t.Slug}/ecoles/{uai}/agenda.ics");
        Assert.Contains($"UID:{AgendaCalendar.UidOf(publicId)}", publicFeed, StringComparison.Ordinal);
        Assert.DoesNotContain("Réunion de classe", publicFeed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/agenda/flux/" + new string('x', 43) + ".ics")).StatusCode);

        await PreauApp.SubmitFormAsync(guardian, "/agenda/abonnement", [], handler: "Reset");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task EventsApi_ClassOfTheCaller_ListsEvents_OtherFamilyGets404()
    {
        var t = await app.CreateTerritoryAsync();
        await CreateEventAsync(await app.SignInAsync(t.TeacherA), t.ClassA, "Piscine");

        var events = await (await app.SignInAsync(t.GuardianA)).GetFromJsonAsync<List<EventDto>>($"/api/v1/classes/{t.ClassA}/events");
        Assert.Equal("Piscine", Assert.Single(events!).Title);
        Assert.Equal("Piscine", Assert.Single((await (await app.SignInAsync(t.HeadA)).GetFromJsonAsync<List<EventDto>>($"/api/v1/schools/{t.SchoolA}/events"))!).Title);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(t.GuardianB)).GetAsync($"/api/v1/classes/{t.ClassA}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(t.TeacherB)).GetAsync($"/api/v1/schools/{t.SchoolA}/events")).StatusCode);
    }

    [Fact]
    public async Task CreateEvent_BadInput_GetsFrenchMessages()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);

        var reversed = await PreauApp.SubmitFormAsync(teacher, "/agenda/organiser", EventFields(t.ClassA, "Inversé", new() { ["Input.StartTime"] = "18:00", ["Input.EndTime"] = "17:00" }));
        Assert.Contains("La fin de l’événement doit être postérieure à son début.", await PublishingArrange.ErrorsOfAsync(reversed), StringComparison.Ordinal);
        var otherClass = await PreauApp.SubmitFormAsync(teacher, "/agenda/organiser", EventFields(t.ClassA, "Ailleurs", new() { ["Input.Target"] = $"class:{t.ClassB}" }));
        Assert.Contains("Choisissez pour qui est l’événement", await PublishingArrange.ErrorsOfAsync(otherClass), StringComparison.Ordinal);
        Assert.Equal(0, await app.InCommunicationAsync(t, db => db.AgendaEvents.CountAsync()));
    }

    private DateOnly EventDay() => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(10);

    private Dictionary<string, string> EventFields(Guid classId, string title, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Target"] = $"class:{classId}",
            ["Input.Category"] = nameof(EventCategory.ParentMeeting),
            ["Input.Title"] = title,
            ["Input.Day"] = EventDay().ToString("yyyy-MM-dd"),
            ["Input.StartTime"] = "16:30",
            ["Input.EndTime"] = "18:00",
        };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        return fields;
    }

    private async Task<Guid> CreateEventAsync(HttpClient client, Guid classId, string title, Dictionary<string, string>? extra = null)
    {
        var response = await PreauApp.SubmitFormAsync(client, "/agenda/organiser", EventFields(classId, title, extra));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await PublishingArrange.ErrorsOfAsync(response));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Dictionary<string, string> SlotFields(DateOnly day, string from, string to, int minutes) => new()
    {
        ["Input.Day"] = day.ToString("yyyy-MM-dd"),
        ["Input.From"] = from,
        ["Input.To"] = to,
        ["Input.LengthMinutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task AddSlotsAsync(HttpClient organiser, Guid id, string from, string to, int minutes)
    {
        var response = await PreauApp.SubmitFormAsync(organiser, $"/agenda/{id}", SlotFields(EventDay(), from, to, minutes), handler: "AddSlots");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await PublishingArrange.ErrorsOfAsync(response));
    }

    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient guardian, Guid id, Guid slotId)
    {
        var page = await guardian.GetAsync($"/agenda/{id}");
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return page;
        }

        var form = PreauApp.Parse(await page.Content.ReadAsStringAsync()).Forms.FirstOrDefault(f => (f.GetAttribute("action") ?? string.Empty).Contains(slotId.ToString(), StringComparison.Ordinal));
        return form is null
            ? await PublishingArrange.PostWithTokenAsync(guardian, $"/agenda/{id}", $"/agenda/{id}?handler=SignUp&slotId={slotId}", [])
            : await PreauApp.PostFormAsync(guardian, $"/agenda/{id}", form, []);
    }
}
