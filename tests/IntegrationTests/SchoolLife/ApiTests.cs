using System.Text.Json;
using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>/api/v1: a child's homework, a child's, class's or teacher's timetable; who may read them, and bad parameters.</summary>
public sealed class ApiTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task PupilHomework_Guardian_GetsTheWorkDueAndItsDoneMark()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var guardian = await app.SignInAsync(territory.GuardianA);

        var response = await guardian.GetAsync($"/api/v1/pupils/{territory.PupilA.Id}/homework?from={Today}&to=2026-11-30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("Mathématiques", item.GetProperty("subject").GetString());
        Assert.Equal(Tomorrow, item.GetProperty("dueOn").GetString());
        Assert.Equal("Exercices 5 et 6 page 42.", item.GetProperty("workText").GetString());
        Assert.False(item.GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task PupilHomework_OtherFamilyOtherTerritoryOtherProfileAnonymous_AreRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var url = $"/api/v1/pupils/{territory.PupilA.Id}/homework";

        var otherFamily = await (await app.SignInAsync(territory.GuardianB)).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, otherFamily.StatusCode);
        Assert.Equal("application/problem+json", otherFamily.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Introuvable", await otherFamily.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(other.GuardianA)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(territory.TeacherA)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync(territory.Agent)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("?from=2026-13-01", "Les dates s’écrivent AAAA-MM-JJ")]
    [InlineData("?from=23/11/2026", "Les dates s’écrivent AAAA-MM-JJ")]
    [InlineData("?from=2026-11-30&to=2026-11-23", "La période va d’une date à une date qui la suit")]
    [InlineData("?from=2026-01-01&to=2026-12-31", "sur 62 jours au plus")]
    public async Task PupilHomework_BadPeriod_Returns400WithAFrenchProblem(string query, string detail)
    {
        var territory = await app.CreateTerritoryAsync();

        var response = await (await app.SignInAsync(territory.GuardianA)).GetAsync($"/api/v1/pupils/{territory.PupilA.Id}/homework{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Requête invalide", json.RootElement.GetProperty("title").GetString());
        Assert.Contains(detail, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timetables_WhoMayReadThem_PupilClassAndTeacher()
    {
        var territory = await app.CreateTerritoryAsync();
        await app.AddSlotAsync(territory, territory.ClassA, territory.SchoolA, DayOfWeek.Monday, 10, "Mathématiques", territory.TeacherA.Id);
        var guardianA = await app.SignInAsync(territory.GuardianA);
        var guardianB = await app.SignInAsync(territory.GuardianB);
        var pupilA = await app.SignInAsync(territory.PupilA);
        var teacherA = await app.SignInAsync(territory.TeacherA);
        var teacherB = await app.SignInAsync(territory.TeacherB);
        var headA = await app.SignInAsync(territory.HeadA);
        var headB = await app.SignInAsync(territory.HeadB);
        var pupil = $"/api/v1/pupils/{territory.PupilA.Id}/timetable?week={Today}";
        var @class = $"/api/v1/classes/{territory.ClassA}/timetable";
        var teacher = $"/api/v1/teachers/{territory.TeacherA.Id}/timetable";

        var week = await guardianA.GetAsync(pupil);
        Assert.Equal(HttpStatusCode.OK, week.StatusCode);
        using (var json = JsonDocument.Parse(await week.Content.ReadAsStringAsync()))
        {
            Assert.Equal(Today, json.RootElement.GetProperty("monday").GetString());
            var lesson = Assert.Single(json.RootElement.GetProperty("days")[0].GetProperty("lessons").EnumerateArray());
            Assert.Equal("10:00", lesson.GetProperty("startsAt").GetString());
            Assert.Equal("planned", lesson.GetProperty("status").GetString());
            Assert.Equal("Thérèse Enseignante", lesson.GetProperty("teacher").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await guardianB.GetAsync(pupil)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pupilA.GetAsync(@class)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teacherA.GetAsync(@class)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacherB.GetAsync(@class)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await guardianA.GetAsync(@class)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teacherA.GetAsync(teacher)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await headA.GetAsync(teacher)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await headB.GetAsync(teacher)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pupilA.GetAsync(teacher)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacherA.GetAsync($"/api/v1/teachers/{territory.PupilA.Id}/timetable")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await teacherA.GetAsync(teacher + "?week=demain")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheHomeworkAndTimetableEndpoints()
    {
        var document = await app.CreateClient().GetStringAsync("/api/v1.json");

        Assert.Contains("/api/v1/pupils/{pupilId}/homework", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/teachers/{teacherId}/timetable", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/agenda/", document, StringComparison.Ordinal);
    }
}
