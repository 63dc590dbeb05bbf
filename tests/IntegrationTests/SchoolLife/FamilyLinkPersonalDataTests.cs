using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Privacy;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>The liaison notebook's, absences' and assessments' part of a person's export and erasure (RGPD art. 15, 17, 20).</summary>
public sealed class FamilyLinkPersonalDataTests(PreauApp app) : IClassFixture<PreauApp>
{
    private Task<T> WithSourceAsync<T>(TestTerritory territory, Func<IPersonalDataSource, Task<T>> work) =>
        app.InTerritoryAsync(territory.Id, sp => work(sp.GetServices<IPersonalDataSource>().Single(s => s.Module == "schoollife.familylink")));

    private async Task<TestTerritory> ArrangeAsync()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        await PreauApp.SubmitFormAsync(teacher, $"/appel?classe={territory.ClassA}&date=2026-11-23&debut=08:30", new() { [$"Presence[{territory.PupilA.Id}]"] = "Absent" });
        await PreauApp.SubmitFormAsync(teacher, "/carnet/nouveau", new() { ["Input.Audience"] = $"group:{territory.ClassA}", ["Input.Title"] = "Piscine", ["Input.Body"] = "Apporter un maillot." });
        var guardian = await app.SignInAsync(territory.GuardianA);
        var absenceId = await app.QueryAsync(territory, db => db.Absences.Select(a => a.Id).SingleAsync());
        await SchoolLifeArrange.SubmitHandlerAsync(guardian, $"/absences/{absenceId}", "Justify", new() { ["Input.Reason"] = "Illness" });
        var noteId = await app.QueryAsync(territory, db => db.LiaisonNotes.Select(n => n.Id).SingleAsync());
        await SchoolLifeArrange.SubmitHandlerAsync(guardian, $"/carnet/{noteId}", "Acknowledge", []);
        return territory;
    }

    [Fact]
    public async Task Export_PupilGuardianAndTeacher_EachGetTheirPart_AStrangerNothing()
    {
        var territory = await ArrangeAsync();

        var pupil = JsonSerializer.Serialize(await WithSourceAsync(territory, s => s.ExportAsync(territory.PupilA.Id, CancellationToken.None)));
        var guardian = JsonSerializer.Serialize(await WithSourceAsync(territory, s => s.ExportAsync(territory.GuardianA.Id, CancellationToken.None)));
        var teacher = JsonSerializer.Serialize(await WithSourceAsync(territory, s => s.ExportAsync(territory.TeacherA.Id, CancellationToken.None)));

        Assert.Contains("\"Justification\":\"Pending\"", pupil, StringComparison.Ordinal);
        Assert.Contains("\"Mot\":\"Piscine\"", guardian, StringComparison.Ordinal);
        Assert.Contains("JustificationsEnvoyees", guardian, StringComparison.Ordinal);
        Assert.Contains("\"AppelsFaits\":1", teacher, StringComparison.Ordinal);
        Assert.Null(await WithSourceAsync(territory, s => s.ExportAsync(territory.GuardianB.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Erase_PupilThenGuardianThenTeacher_DeletesTheirDataAndKeepsOthersAnonymised()
    {
        var territory = await ArrangeAsync();

        await WithSourceAsync(territory, async s => { await s.EraseAsync(territory.GuardianA.Id, CancellationToken.None); return 0; });
        Assert.Equal(0, await app.QueryAsync(territory, db => db.NoteRecipients.CountAsync(r => r.GuardianId == territory.GuardianA.Id)));
        Assert.Null(await app.QueryAsync(territory, db => db.Absences.Select(a => a.JustifiedById).SingleAsync()));

        await WithSourceAsync(territory, async s => { await s.EraseAsync(territory.TeacherA.Id, CancellationToken.None); return 0; });
        Assert.Equal(Guid.Empty, await app.QueryAsync(territory, db => db.LiaisonNotes.Select(n => n.AuthorId).SingleAsync()));
        Assert.Equal(2, await app.QueryAsync(territory, db => db.NoteRecipients.CountAsync()));

        await WithSourceAsync(territory, async s => { await s.EraseAsync(territory.PupilA.Id, CancellationToken.None); return 0; });
        Assert.Equal(0, await app.QueryAsync(territory, db => db.Absences.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(territory, db => db.NoteRecipients.CountAsync(r => r.PupilId == territory.PupilA.Id)));
        Assert.Null(await WithSourceAsync(territory, s => s.ExportAsync(territory.PupilA.Id, CancellationToken.None)));
    }
}
