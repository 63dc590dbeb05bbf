using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Platform.Demo;
using Preau.Platform.Privacy;

namespace Preau.IntegrationTests.Communication;

/// <summary>Synthetic data for benchmarks, and a person's export and erasure.</summary>
public sealed class PublishingDataTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task SyntheticData_SmallTerritory_WritesAYearOfPublishingThatTheGuardiansPagesRead()
    {
        var t = await app.CreateTerritoryAsync();

        await app.InTerritoryAsync(t.Id, async sp =>
        {
            await sp.GetServices<ISyntheticData>().OfType<Preau.Communication.Synthetic.PublishingSyntheticData>().Single()
                .GenerateAsync(new SyntheticScale(2, 3, 4), CancellationToken.None);
            return 0;
        });

        var (news, events, slots, posts, meetings) = await app.InCommunicationAsync(t, async db =>
            (await db.News.CountAsync(), await db.AgendaEvents.CountAsync(), await db.EventSlots.CountAsync(), await db.BlogPosts.CountAsync(), await db.CouncilMeetings.CountAsync()));
        Assert.Equal(50 + (2 * 20) + (2 * 8), news);
        Assert.True(events >= 2 * 12 + 2 * 5);
        Assert.True(slots >= 2 * 18);
        Assert.True(posts > 0);
        Assert.Equal(6, meetings);
        var guardian = await app.SignInAsync(t.GuardianA);
        Assert.Equal(HttpStatusCode.OK, (await guardian.GetAsync("/actualites")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guardian.GetAsync("/agenda")).StatusCode);
    }

    [Fact]
    public async Task PersonalData_PupilWithAPostAndAGuardianWithABooking_AreExportedThenErased()
    {
        var t = await app.CreateTerritoryAsync();
        var pupil = await app.SignInAsync(t.PupilA);
        await PreauApp.SubmitFormAsync(pupil, $"/blogs/classe/{t.ClassA}/ecrire", new() { ["Input.Title"] = "Mon billet à moi", ["Input.Body"] = "Texte", ["action"] = "submit" });
        var teacher = await app.SignInAsync(t.TeacherA);
        await PreauApp.SubmitFormAsync(teacher, "/actualites/rediger", new() { ["Input.Target"] = $"class:{t.ClassA}", ["Input.Audience"] = "Class", ["Input.Title"] = "Info de classe", ["Input.Body"] = "Texte", ["action"] = "submit" });

        var exported = await app.InTerritoryAsync(t.Id, async sp => JsonSerializer.Serialize(await Source(sp).ExportAsync(t.PupilA.Id, CancellationToken.None)));
        Assert.Contains("Mon billet", exported, StringComparison.Ordinal);
        Assert.Null(await app.InTerritoryAsync(t.Id, sp => Source(sp).ExportAsync(t.GuardianB.Id, CancellationToken.None)));

        await app.InTerritoryAsync(t.Id, async sp => { await Source(sp).EraseAsync(t.PupilA.Id, CancellationToken.None); await Source(sp).EraseAsync(t.TeacherA.Id, CancellationToken.None); return 0; });

        Assert.Equal(0, await app.InCommunicationAsync(t, db => db.BlogPosts.CountAsync()));
        // The class's news stays: it is the school's communication, not the teacher's private data.
        Assert.Equal(1, await app.InCommunicationAsync(t, db => db.News.CountAsync(n => n.Status == NewsStatus.Published)));
    }

    private static PublishingPersonalData Source(IServiceProvider services) => services.GetServices<IPersonalDataSource>().OfType<PublishingPersonalData>().Single();
}
