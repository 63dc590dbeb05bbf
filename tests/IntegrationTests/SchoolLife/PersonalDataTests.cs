using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Privacy;
using Preau.SchoolLife.Data;
using static Preau.IntegrationTests.SchoolLife.SchoolLifeArrangements;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>RGPD: what the homework log, the timetable and the feeds hold about a person, exported and erased.</summary>
public sealed class PersonalDataTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task ExportAndErase_PupilAndTeacher_ThePupilsMarksGoTheClassLogStaysWithoutItsAuthor()
    {
        var territory = await app.CreateTerritoryAsync();
        await WriteEntryAsync(await app.SignInAsync(territory.TeacherA), territory.ClassA);
        var pupil = await app.SignInAsync(territory.PupilA);
        await PreauApp.SubmitFormAsync(pupil, $"/cahier-de-textes/eleve/{territory.PupilA.Id}", new(), handler: "Done");
        await PreauApp.SubmitFormAsync(pupil, "/compte/agenda", new(), handler: "Issue");

        var (pupilExport, teacherExport) = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var source = Source(sp);
            return (JsonSerializer.Serialize(await source.ExportAsync(territory.PupilA.Id, CancellationToken.None)),
                JsonSerializer.Serialize(await source.ExportAsync(territory.TeacherA.Id, CancellationToken.None)));
        });
        Assert.Contains("TravauxFaits", pupilExport, StringComparison.Ordinal);
        Assert.Contains("MarqueFaitLe", pupilExport, StringComparison.Ordinal);
        Assert.Contains("AdresseDAgenda", pupilExport, StringComparison.Ordinal);
        Assert.DoesNotContain("TokenHash", pupilExport, StringComparison.Ordinal);
        Assert.Contains("Exercices 5 et 6 page 42.", teacherExport, StringComparison.Ordinal);

        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            await Source(sp).EraseAsync(territory.PupilA.Id, CancellationToken.None);
            await Source(sp).EraseAsync(territory.TeacherA.Id, CancellationToken.None);
            return 0;
        });

        var (done, feeds, entry, pupilAfter) = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<SchoolLifeDbContext>();
            return (await db.HomeworkDone.CountAsync(), await db.CalendarFeeds.CountAsync(), await db.HomeworkEntries.SingleAsync(),
                await Source(sp).ExportAsync(territory.PupilA.Id, CancellationToken.None));
        });
        Assert.Equal(0, done);
        Assert.Equal(0, feeds);
        Assert.Null(entry.AuthorId);
        Assert.Equal("Mathématiques", entry.Subject);
        Assert.Null(pupilAfter);
    }

    private static IPersonalDataSource Source(IServiceProvider services) =>
        services.GetServices<IPersonalDataSource>().Single(s => s.Module == "schoollife-homework-timetable");
}
