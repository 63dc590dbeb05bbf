using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Accounts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Timetable;
using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>Timetables: entered by the school, shown per pupil, class and teacher, changed for a day and notified.</summary>
public sealed class TimetableTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task EnterSlot_Head_PupilGuardianAndTeacherSeeItInTheirWeek()
    {
        var territory = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(territory.HeadA);

        var saved = await PreauApp.SubmitFormAsync(head, $"/emploi-du-temps/classe/{territory.ClassA}/cours", new()
        {
            ["Input.Day"] = "Monday",
            ["Input.StartsAt"] = "08:30",
            ["Input.EndsAt"] = "09:30",
            ["Input.Subject"] = "Mathématiques",
            ["Input.TeacherId"] = territory.TeacherA.Id.ToString(),
            ["Input.Room"] = "B12",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var (account, url) in new[]
        {
            (territory.PupilA, $"/emploi-du-temps/eleve/{territory.PupilA.Id}"),
            (territory.GuardianA, $"/emploi-du-temps/eleve/{territory.PupilA.Id}"),
            (territory.TeacherA, $"/emploi-du-temps/enseignant/{territory.TeacherA.Id}"),
            (territory.SchoolLifeA, $"/emploi-du-temps/classe/{territory.ClassA}"),
        })
        {
            var week = (await PreauApp.GetPageAsync(await app.SignInAsync(account), url)).QuerySelector("#jour-2026-11-23")!.TextContent;
            Assert.Contains("Mathématiques", week, StringComparison.Ordinal);
            Assert.Contains("Salle B12", week, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EnterSlot_TeacherOrHeadOfAnotherSchool_CannotManageTheClass()
    {
        var territory = await app.CreateTerritoryAsync();
        var url = $"/emploi-du-temps/classe/{territory.ClassA}/cours";

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.TeacherA)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.HeadB)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignInAsync(territory.SchoolLifeA)).GetAsync(url)).StatusCode);
        var forged = await PostForgedAsync(await app.SignInAsync(territory.HeadB), url, new()
        {
            ["Input.Id"] = Guid.NewGuid().ToString(),
            ["Input.Day"] = "Monday",
            ["Input.StartsAt"] = "08:00",
            ["Input.EndsAt"] = "09:00",
            ["Input.Subject"] = "Intrusion",
        });
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Theory]
    [InlineData("Monday", "08:30", "09:30", "Ce créneau chevauche le cours de Mathématiques de 08:00 à 09:00.")]
    [InlineData("Monday", "10:00", "09:00", "L’heure de fin doit suivre l’heure de début.")]
    [InlineData("Saturday", "10:00", "11:00", "Les cours ont lieu du lundi au vendredi.")]
    [InlineData("Monday", "05:00", "06:00", "Les cours ont lieu entre 7 h et 20 h.")]
    [InlineData("Monday", "25:00", "26:00", "La valeur « 25:00 » n’est pas valide.")]
    public async Task EnterSlot_BadTimes_SaysWhyAndKeepsTheForm(string day, string start, string end, string message)
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 8, "Mathématiques", territory.TeacherA.Id);
        var head = await app.SignInAsync(territory.HeadA);

        var response = await PreauApp.SubmitFormAsync(head, $"/emploi-du-temps/classe/{territory.ClassA}/cours", new()
        {
            ["Input.Day"] = day,
            ["Input.StartsAt"] = start,
            ["Input.EndsAt"] = end,
            ["Input.Subject"] = "Français <script>",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Français <script>", page.QuerySelector("input[name='Input.Subject']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CancelLesson_Tomorrow_FamiliesAndTeacherNotifiedAndTheWeekShowsIt()
    {
        var territory = await app.CreateTerritoryAsync();
        var slot = await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Tuesday, 10, "Sciences", territory.TeacherA.Id);
        var head = await app.SignInAsync(territory.HeadA);

        var saved = await PreauApp.SubmitFormAsync(head, $"/emploi-du-temps/cours/{slot.Id}/changement/{Tomorrow}", new()
        {
            ["Input.Cancel"] = "true",
            ["Input.Note"] = "Sortie au musée",
        });
        await app.RunOutboxAsync();

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["CM2 A : le cours de Sciences du 24/11/2026 est annulé"], await app.NotificationsAsync(territory.Id, territory.GuardianA.Id, RecordTimetableChange.Category));
        Assert.Single(await app.NotificationsAsync(territory.Id, territory.TeacherA.Id, RecordTimetableChange.Category));
        Assert.Single(await app.NotificationsAsync(territory.Id, territory.PupilA2.Id, RecordTimetableChange.Category));
        Assert.Empty(await app.NotificationsAsync(territory.Id, territory.GuardianB.Id, RecordTimetableChange.Category));
        var page = await PreauApp.GetPageAsync(await app.SignInAsync(territory.GuardianA), $"/emploi-du-temps/eleve/{territory.PupilA.Id}");
        Assert.Contains("Annulé", page.QuerySelector("#jour-2026-11-24")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sortie au musée", page.QuerySelector(".upcoming-changes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeLesson_PastDayWrongDayOrMalformedDate_IsRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var slot = await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Tuesday, 10, "Sciences", territory.TeacherA.Id);
        var head = await app.SignInAsync(territory.HeadA);

        Assert.Contains("Ce cours a déjà eu lieu", await MainTextAsync(head, $"/emploi-du-temps/cours/{slot.Id}/changement/2026-11-17"), StringComparison.Ordinal);
        Assert.Contains("Ce cours n’a pas lieu ce jour-là.", await MainTextAsync(head, $"/emploi-du-temps/cours/{slot.Id}/changement/2026-11-25"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync($"/emploi-du-temps/cours/{slot.Id}/changement/2026-02-30")).StatusCode);
        var forged = await PostForgedAsync(head, $"/emploi-du-temps/cours/{slot.Id}/changement/2026-11-17", new() { ["Input.Cancel"] = "true" });
        Assert.Contains("Ce cours a déjà eu lieu", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var nothing = await PreauApp.SubmitFormAsync(head, $"/emploi-du-temps/cours/{slot.Id}/changement/{Tomorrow}", new() { ["Input.Note"] = "Rien ne change" });
        Assert.Contains("Indiquez ce qui change", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceTeacher_ForADay_TheReplacementSeesTheLessonAndTheOriginalTeacherTheChange()
    {
        var territory = await app.CreateTerritoryAsync();
        var replacement = await AddTeacherAsync(territory, territory.SchoolA);
        var slot = await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Tuesday, 14, "Anglais", territory.TeacherA.Id);
        var head = await app.SignInAsync(territory.HeadA);

        var saved = await PreauApp.SubmitFormAsync(head, $"/emploi-du-temps/cours/{slot.Id}/changement/{Tomorrow}", new()
        {
            ["Input.ReplacementTeacherId"] = replacement.Id.ToString(),
            ["Input.NewRoom"] = "C4",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var theirs = (await PreauApp.GetPageAsync(await app.SignInAsync(replacement), $"/emploi-du-temps/enseignant/{replacement.Id}")).QuerySelector("#jour-2026-11-24")!.TextContent;
        Assert.Contains("Anglais", theirs, StringComparison.Ordinal);
        Assert.Contains("CM2 A", theirs, StringComparison.Ordinal);
        var nextWeek = (await PreauApp.GetPageAsync(await app.SignInAsync(replacement), $"/emploi-du-temps/enseignant/{replacement.Id}?semaine=2026-12-01")).QuerySelector(".week")!.TextContent;
        Assert.DoesNotContain("Anglais", nextWeek, StringComparison.Ordinal);
        var family = (await PreauApp.GetPageAsync(await app.SignInAsync(territory.PupilA), $"/emploi-du-temps/eleve/{territory.PupilA.Id}")).QuerySelector("#jour-2026-11-24")!.TextContent;
        Assert.Contains("Remplacé par Rémi Remplaçant", family, StringComparison.Ordinal);
        Assert.Contains("Au lieu de la salle B12", family, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Week_ChristmasHolidaysAndArmistice_ShowNoLessons()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Wednesday, 9, "Musique", territory.TeacherA.Id);
        var pupil = await app.SignInAsync(territory.PupilA);

        var christmas = await PreauApp.GetPageAsync(pupil, $"/emploi-du-temps/eleve/{territory.PupilA.Id}?semaine=2026-12-23");
        var armistice = await PreauApp.GetPageAsync(pupil, $"/emploi-du-temps/eleve/{territory.PupilA.Id}?semaine=2026-11-11");

        Assert.Contains("Vacances de Noël", christmas.QuerySelector("#jour-2026-12-23")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Musique", christmas.QuerySelector(".week")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Armistice 1918", armistice.QuerySelector("#jour-2026-11-11")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Musique", armistice.QuerySelector(".week")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeekB_Slot_FollowsTheSchoolsAlternationAndItsReference()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 15, "Arts plastiques", territory.TeacherA.Id, WeekPattern.B);
        var pupil = await app.SignInAsync(territory.PupilA);
        var url = $"/emploi-du-temps/eleve/{territory.PupilA.Id}";

        // Week A from the week of 1 September; the two weeks of All Saints' holidays do not count: 23 November is in week A.
        Assert.DoesNotContain("Arts plastiques", (await PreauApp.GetPageAsync(pupil, url)).QuerySelector(".week")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Arts plastiques", (await PreauApp.GetPageAsync(pupil, url + "?semaine=2026-11-30")).QuerySelector(".week")!.TextContent, StringComparison.Ordinal);

        var head = await app.SignInAsync(territory.HeadA);
        var saved = await PreauApp.SubmitFormAsync(head, $"/emploi-du-temps/reglages/{territory.SchoolA}", new() { ["Input.WeekAReference"] = "2026-11-16" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Arts plastiques", (await PreauApp.GetPageAsync(pupil, url)).QuerySelector(".week")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTimetables_OtherFamilyClassSchoolOrTerritory_Returns404()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var guardianB = await app.SignInAsync(territory.GuardianB);
        var pupilA = await app.SignInAsync(territory.PupilA);
        var teacherB = await app.SignInAsync(territory.TeacherB);
        var headA = await app.SignInAsync(territory.HeadA);
        var headB = await app.SignInAsync(territory.HeadB);
        var stranger = await app.SignInAsync(other.GuardianA);

        Assert.Equal(HttpStatusCode.NotFound, (await guardianB.GetAsync($"/emploi-du-temps/eleve/{territory.PupilA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/emploi-du-temps/eleve/{territory.PupilA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pupilA.GetAsync($"/emploi-du-temps/classe/{territory.ClassA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pupilA.GetAsync($"/emploi-du-temps/classe/{territory.ClassB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacherB.GetAsync($"/emploi-du-temps/classe/{territory.ClassA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await headA.GetAsync($"/emploi-du-temps/enseignant/{territory.TeacherA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync($"/emploi-du-temps/enseignant/{territory.TeacherA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pupilA.GetAsync($"/emploi-du-temps/enseignant/{territory.TeacherA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await headA.GetAsync($"/emploi-du-temps/reglages/{territory.SchoolB}")).StatusCode);
    }

    [Fact]
    public async Task Index_GuardianOfOneChild_GoesStraightToTheWeek()
    {
        var territory = await app.CreateTerritoryAsync();

        var response = await (await app.SignInAsync(territory.GuardianA)).GetAsync("/emploi-du-temps?semaine=2026-11-30");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/emploi-du-temps/eleve/{territory.PupilA.Id}?semaine=2026-11-30", response.Headers.Location!.OriginalString);
    }

    private Task<TestAccount> AddTeacherAsync(TestTerritory territory, Guid schoolId) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var account = new Account
            {
                TerritoryId = territory.Id,
                UserName = $"{territory.Slug}-remplacant",
                FirstName = "Rémi",
                LastName = "Remplaçant",
                Profiles = Profile.Teacher,
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(account, PreauApp.Password);
            Assert.True(result.Succeeded);
            var db = sp.GetRequiredService<IdentityDbContext>();
            db.StaffAssignments.Add(new StaffAssignment { AccountId = account.Id, SchoolId = schoolId, Profile = Profile.Teacher });
            await db.SaveChangesAsync();
            return new TestAccount(account.Id, account.UserName, PreauApp.Password);
        });
}
