using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.SchoolLife.Absences;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>Roll calls, same-day family notices, online justification, validation, announced absences and statistics, over HTTP.</summary>
public sealed class AbsenceTests(PreauApp app) : IClassFixture<PreauApp>
{
    private const string Today = "2026-11-23";

    private static string Sheet(TestTerritory territory, string date = Today, string start = "08:30", Guid? group = null) =>
        $"/appel?classe={group ?? territory.ClassA}&date={date}&debut={start}";

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, TestTerritory territory, Dictionary<string, string> marks, string date = Today, string start = "08:30") =>
        PreauApp.SubmitFormAsync(client, Sheet(territory, date, start), marks.Count == 0 ? new() { [$"Presence[{territory.PupilA.Id}]"] = "Present" } : marks);

    private static Dictionary<string, string> Absent(TestAccount pupil) => new() { [$"Presence[{pupil.Id}]"] = "Absent" };

    [Fact]
    public async Task RollCall_AbsentAndLate_GuardiansNotifiedOnlyAfterTheSchoolsDelay()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var sheet = await PreauApp.GetPageAsync(teacher, Sheet(territory));
        Assert.Equal(2, sheet.QuerySelectorAll(".roll-call__pupil").Length);
        Assert.All(sheet.QuerySelectorAll("input[value=Present]"), r => Assert.True(r.HasAttribute("checked")));
        var saved = await CallAsync(teacher, territory, new() { [$"Presence[{territory.PupilA.Id}]"] = "Absent", [$"Presence[{territory.PupilA2.Id}]"] = "Late", [$"Minutes[{territory.PupilA2.Id}]"] = "10" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("1 absent(s), 1 retard(s)", await teacher.GetStringAsync(saved.Headers.Location!.OriginalString), StringComparison.Ordinal);

        await app.RunOutboxAsync();
        Assert.Empty(await app.NotificationsOfAsync(territory, territory.GuardianA));
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await app.RunOutboxAsync();

        Assert.Contains("Paul est absent(e) au cours de 08:30 : merci de justifier l’absence", await app.NotificationsOfAsync(territory, territory.GuardianA));
        Assert.Single(await app.NotificationsOfAsync(territory, territory.GuardianWithoutAuthorityA));
        Assert.Empty(await app.NotificationsOfAsync(territory, territory.GuardianB));
        var absences = await app.QueryAsync(territory, db => db.Absences.AsNoTracking().OrderBy(a => a.Kind).ToListAsync());
        Assert.Equal([AttendanceKind.Absent, AttendanceKind.Late], absences.Select(a => a.Kind));
        Assert.Equal(10, absences[1].LateMinutes);
        Assert.All(absences, a => Assert.NotNull(a.NotifiedAt));
    }

    [Fact]
    public async Task RollCall_SavedAgainWithThePupilPresent_UpdatesAndSendsNoNotice()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        await CallAsync(teacher, territory, Absent(territory.PupilA), start: "10:00");
        await CallAsync(teacher, territory, new() { [$"Presence[{territory.PupilA.Id}]"] = "Present" }, start: "10:00");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunOutboxAsync();

        Assert.Equal(1, await app.QueryAsync(territory, db => db.RollCalls.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(territory, db => db.Absences.CountAsync()));
        Assert.Empty(await app.NotificationsOfAsync(territory, territory.GuardianA));
    }

    [Fact]
    public async Task RollCall_TwoTeachersFromStalePages_SecondIsToldAndKeepsItsChoices()
    {
        var territory = await app.CreateTerritoryAsync();
        var first = await app.SignInAsync(territory.TeacherA);
        var second = await app.SignInAsync(territory.HeadA);
        var staleForm = (await PreauApp.GetPageAsync(second, Sheet(territory, start: "14:00"))).Forms.Single(f => f.HasAttribute("data-roll-call"));

        await CallAsync(first, territory, Absent(territory.PupilA), start: "14:00");
        var conflict = await PreauApp.PostFormAsync(second, Sheet(territory, start: "14:00"), staleForm, Absent(territory.PupilA2));

        var page = PreauApp.Parse(await conflict.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Cet appel a été enregistré par quelqu’un d’autre", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True(page.QuerySelector($"input[name='Presence[{territory.PupilA2.Id}]'][value=Absent]")!.HasAttribute("checked"));
        var recorded = await app.QueryAsync(territory, db => db.Absences.Select(a => a.PupilId).ToListAsync());
        Assert.Equal([territory.PupilA.Id], recorded);
    }

    [Fact]
    public async Task RollCall_NotTheirGroup_Returns404_AndOtherProfilesAreRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();

        foreach (var account in new[] { territory.TeacherB, territory.HeadB, other.TeacherA })
        {
            var client = await app.SignInAsync(account);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Sheet(territory))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await SchoolLifeArrange.PostWithTokenAsync(client, "/appel", Sheet(territory), Absent(territory.PupilA))).StatusCode);
        }

        foreach (var account in new[] { territory.GuardianA, territory.PupilA, territory.SchoolLifeA, territory.Agent })
        {
            var client = await app.SignInAsync(account);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Sheet(territory))).StatusCode);
        }

        var head = await app.SignInAsync(territory.HeadA);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync(Sheet(territory))).StatusCode);
        Assert.Equal(0, await app.QueryAsync(territory, db => db.RollCalls.CountAsync()));
    }

    [Fact]
    public async Task RollCall_BadSessionOrMinutes_FrenchMessageNothingSaved()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);

        var future = await SchoolLifeArrange.PostWithTokenAsync(teacher, "/appel", Sheet(territory, date: "2026-11-24"), Absent(territory.PupilA));
        Assert.Contains("On ne fait pas l’appel d’une séance à venir.", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var outside = await SchoolLifeArrange.PostWithTokenAsync(teacher, "/appel", Sheet(territory, date: "2025-08-20"), Absent(territory.PupilA));
        Assert.Contains("Cette date n’est dans aucune année scolaire.", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var malformed = await teacher.GetAsync("/appel?classe=" + territory.ClassA + "&date=demain&debut=25:99");
        Assert.Contains("Indiquez la date de la séance", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var minutes = await CallAsync(teacher, territory, new() { [$"Presence[{territory.PupilA.Id}]"] = "Late", [$"Minutes[{territory.PupilA.Id}]"] = "9999" });
        Assert.Contains("Indiquez le retard en minutes, de 1 à 240.", await minutes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stranger = await SchoolLifeArrange.PostWithTokenAsync(teacher, "/appel", Sheet(territory), new() { [$"Presence[{territory.PupilB.Id}]"] = "Absent" });
        Assert.Contains("Un élève de la feuille n’est plus dans ce groupe", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await app.QueryAsync(territory, db => db.RollCalls.CountAsync()));
    }

    [Fact]
    public async Task Justify_GuardianWithDocument_ThenSchoolLifeValidates_OtherFamilyGets404()
    {
        var territory = await app.CreateTerritoryAsync();
        await CallAsync(await app.SignInAsync(territory.TeacherA), territory, Absent(territory.PupilA), start: "09:00");
        var absenceId = await app.QueryAsync(territory, db => db.Absences.Select(a => a.Id).SingleAsync());

        var stranger = await app.SignInAsync(territory.GuardianB);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/absences/{absenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SchoolLifeArrange.PostWithTokenAsync(stranger, "/absences", $"/absences/{absenceId}/Justify", new() { ["Input.Reason"] = "Illness" })).StatusCode);
        var classmate = await app.SignInAsync(territory.PupilA2);
        Assert.Equal(HttpStatusCode.NotFound, (await classmate.GetAsync($"/absences/{absenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await classmate.GetAsync($"/absences?eleve={territory.PupilA.Id}")).StatusCode);

        var guardian = await app.SignInAsync(territory.GuardianA);
        var fake = await SchoolLifeArrange.PostMultipartAsync(guardian, $"/absences/{absenceId}", $"/absences/{absenceId}/Justify", new() { ["Input.Reason"] = "Illness" }, "Document", "certificat.pdf", "MZ\u0090\0\u0003"u8.ToArray());
        Assert.Contains("Ce type de fichier n’est pas accepté ici.", await fake.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var justified = await SchoolLifeArrange.PostMultipartAsync(guardian, $"/absences/{absenceId}", $"/absences/{absenceId}/Justify", new() { ["Input.Reason"] = "Illness", ["Input.Comment"] = "Fièvre" }, "Document", "certificat.pdf", SchoolLifeArrange.Pdf);
        Assert.Equal(HttpStatusCode.Redirect, justified.StatusCode);
        var twice = await SchoolLifeArrange.PostWithTokenAsync(guardian, $"/absences/{absenceId}", $"/absences/{absenceId}/Justify", new() { ["Input.Reason"] = "Other", ["Input.Comment"] = "encore" });
        Assert.Contains("Une justification a déjà été envoyée", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await SchoolLifeArrange.PostWithTokenAsync(await app.SignInAsync(territory.TeacherA), "/appel", $"/absences/{absenceId}/Accept", [])).StatusCode);
        var schoolLife = await app.SignInAsync(territory.SchoolLifeA);
        var desk = PreauApp.Parse(await schoolLife.GetStringAsync("/vie-scolaire"));
        Assert.Contains("Paul Élève", desk.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("application/pdf", (await schoolLife.GetAsync($"/absences/{absenceId}/document")).Content.Headers.ContentType!.MediaType);
        var accepted = await SchoolLifeArrange.SubmitHandlerAsync(schoolLife, $"/absences/{absenceId}", "Accept", []);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        var absence = await app.QueryAsync(territory, db => db.Absences.AsNoTracking().SingleAsync());
        Assert.Equal(JustificationState.Accepted, absence.State);
        Assert.Equal(AbsenceReason.Illness, absence.Reason);
        Assert.Equal(territory.SchoolLifeA.Id, absence.ReviewedById);
    }

    [Fact]
    public async Task Refuse_WithoutReasonIsRefused_WithReasonTellsTheFamilyWhoMayJustifyAgain()
    {
        var territory = await app.CreateTerritoryAsync();
        await CallAsync(await app.SignInAsync(territory.TeacherA), territory, Absent(territory.PupilA), start: "11:00");
        var absenceId = await app.QueryAsync(territory, db => db.Absences.Select(a => a.Id).SingleAsync());
        var guardian = await app.SignInAsync(territory.GuardianA);
        await SchoolLifeArrange.SubmitHandlerAsync(guardian, $"/absences/{absenceId}", "Justify", new() { ["Input.Reason"] = "Other", ["Input.Comment"] = "Panne de réveil" });
        var schoolLife = await app.SignInAsync(territory.SchoolLifeA);

        var empty = await SchoolLifeArrange.SubmitHandlerAsync(schoolLife, $"/absences/{absenceId}", "Refuse", new() { ["RefusalReason"] = " " });
        Assert.Contains("Indiquez à la famille pourquoi la justification est refusée.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await SchoolLifeArrange.SubmitHandlerAsync(schoolLife, $"/absences/{absenceId}", "Refuse", new() { ["RefusalReason"] = "Motif non recevable." });
        await app.RunOutboxAsync();

        Assert.Contains("La justification d’une absence a été refusée par la vie scolaire", await app.NotificationsOfAsync(territory, territory.GuardianA));
        var page = await guardian.GetStringAsync($"/absences/{absenceId}");
        Assert.Contains("Motif non recevable.", page, StringComparison.Ordinal);
        Assert.Contains("Envoyer la justification", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announce_Today_RollCallShowsItAndTheAbsenceCarriesTheReasonWithoutNotice()
    {
        var territory = await app.CreateTerritoryAsync();
        var guardian = await app.SignInAsync(territory.GuardianA);

        var past = await PreauApp.SubmitFormAsync(guardian, "/absences/prevenir", new() { ["Input.PupilId"] = territory.PupilA.Id.ToString(), ["Input.From"] = "2026-11-20", ["Input.Reason"] = "MedicalAppointment" });
        Assert.Contains("Une absence passée se justifie depuis la liste des absences.", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var other = await PreauApp.SubmitFormAsync(guardian, "/absences/prevenir", new() { ["Input.PupilId"] = territory.PupilB.Id.ToString(), ["Input.From"] = Today, ["Input.Reason"] = "MedicalAppointment" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var announced = await PreauApp.SubmitFormAsync(guardian, "/absences/prevenir", new() { ["Input.PupilId"] = territory.PupilA.Id.ToString(), ["Input.From"] = Today, ["Input.Reason"] = "MedicalAppointment" });
        Assert.Equal(HttpStatusCode.Redirect, announced.StatusCode);

        var teacher = await app.SignInAsync(territory.TeacherA);
        var sheet = await PreauApp.GetPageAsync(teacher, Sheet(territory, start: "15:00"));
        Assert.Contains("Absence prévenue", sheet.QuerySelectorAll(".roll-call__pupil").Single(p => p.TextContent.Contains("Paul", StringComparison.Ordinal) && !p.TextContent.Contains("Pauline", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        await CallAsync(teacher, territory, Absent(territory.PupilA), start: "15:00");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.RunOutboxAsync();

        var absence = await app.QueryAsync(territory, db => db.Absences.AsNoTracking().SingleAsync());
        Assert.Equal(JustificationState.Pending, absence.State);
        Assert.Equal(AbsenceReason.MedicalAppointment, absence.Reason);
        Assert.Empty(await app.NotificationsOfAsync(territory, territory.GuardianA));
    }

    [Fact]
    public async Task Statistics_FourUnjustifiedHalfDaysInAMonth_ListsThePupilAndExportsCsv()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        foreach (var (date, start) in new[] { ("2026-11-09", "08:30"), ("2026-11-09", "10:30"), ("2026-11-09", "14:00"), ("2026-11-10", "08:30"), ("2026-11-12", "14:00") })
        {
            await CallAsync(teacher, territory, Absent(territory.PupilA), date, start);
        }

        await CallAsync(teacher, territory, new() { [$"Presence[{territory.PupilA2.Id}]"] = "Late", [$"Minutes[{territory.PupilA2.Id}]"] = "5" }, "2026-11-10", "08:30");

        var schoolLife = await app.SignInAsync(territory.SchoolLifeA);
        var page = PreauApp.Parse(await schoolLife.GetStringAsync("/vie-scolaire/statistiques?du=2026-11-01&au=2026-11-30"));
        var alerts = page.QuerySelector("#alerts-title")!.ParentElement!.QuerySelector("tbody")!;
        Assert.Contains("Paul Élève", alerts.TextContent, StringComparison.Ordinal);
        Assert.Contains("4", alerts.QuerySelector("td.number")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1", page.QuerySelectorAll(".stat__value")[2].TextContent, StringComparison.Ordinal);
        var csv = await schoolLife.GetStringAsync($"/vie-scolaire/statistiques/csv?du=2026-11-01&au=2026-11-30&classe={territory.ClassA}");
        Assert.Contains("Élève;Paul;CM2 A;4;4;0;", csv, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/vie-scolaire/statistiques")).StatusCode);
        var headB = await app.SignInAsync(territory.HeadB);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync($"/vie-scolaire/statistiques?ecole={territory.SchoolA}")).StatusCode);
    }

    [Fact]
    public async Task RollCall_AfterSchoolStaffOfAnAfterSchoolGroup_TakeIt_ButNotTheClasses()
    {
        var territory = await app.CreateTerritoryAsync();
        var study = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            // An after-school group is a ClassGroup of kind Group whose after-school staff are assigned like teachers.
            var db = sp.GetRequiredService<IdentityDbContext>();
            var group = new ClassGroup { SchoolId = territory.SchoolA, SchoolYearId = territory.SchoolYear, Name = "Étude du soir", Kind = ClassGroupKind.Group };
            db.ClassGroups.Add(group);
            db.TeachingAssignments.Add(new TeachingAssignment { TeacherId = territory.AfterSchoolA.Id, ClassGroupId = group.Id });
            db.Enrolments.Add(new Enrolment { PupilId = territory.PupilA.Id, ClassGroupId = group.Id });
            await db.SaveChangesAsync();
            return group.Id;
        });
        var staff = await app.SignInAsync(territory.AfterSchoolA);

        Assert.Contains("Étude du soir", await staff.GetStringAsync("/appel"), StringComparison.Ordinal);
        var saved = await PreauApp.SubmitFormAsync(staff, Sheet(territory, start: "16:30", group: study), Absent(territory.PupilA));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(Sheet(territory))).StatusCode);
        var absence = await app.QueryAsync(territory, db => db.Absences.AsNoTracking().SingleAsync());
        Assert.Equal((study, HalfDay.Afternoon), (absence.ClassGroupId, absence.HalfDay));
    }
}
