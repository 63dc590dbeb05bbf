using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Retention;

namespace Preau.IntegrationTests.Identity;

/// <summary>Issue #2, item 8: accounts that lost their right are deactivated, then deleted three months later.</summary>
public sealed class RetentionTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Retention_PupilLeftTheSchool_DeactivatesPupilAndLoneGuardianThenDeletesThemThreeMonthsLater()
    {
        var territory = await app.CreateTerritoryAsync();
        await EndEnrolmentAsync(territory, territory.PupilB.Id);

        await app.RunJobAsync(AccountRetentionJob.JobName);

        var states = await ActiveStatesAsync(territory, territory.PupilB.Id, territory.GuardianB.Id, territory.PupilA.Id, territory.GuardianA.Id, territory.Agent.Id);
        Assert.False(states[territory.PupilB.Id]);
        Assert.False(states[territory.GuardianB.Id]);
        Assert.True(states[territory.PupilA.Id]);
        Assert.True(states[territory.GuardianA.Id]);
        Assert.True(states[territory.Agent.Id]); // A territory-level profile is never deactivated by the job.
        var signIn = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/connexion", new() { ["Input.Login"] = territory.GuardianB.Login, ["Input.Password"] = PreauApp.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(80));
        await app.RunJobAsync(AccountRetentionJob.JobName);
        Assert.Equal(2, (await ActiveStatesAsync(territory, territory.PupilB.Id, territory.GuardianB.Id)).Count);

        app.Clock.Advance(TimeSpan.FromDays(15));
        await app.RunJobAsync(AccountRetentionJob.JobName);

        var remaining = await ActiveStatesAsync(territory, territory.PupilB.Id, territory.GuardianB.Id, territory.PupilA.Id);
        Assert.Equal([territory.PupilA.Id], remaining.Keys);
        var (links, deletions) = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            return (await db.GuardianLinks.CountAsync(l => l.PupilId == territory.PupilB.Id),
                await db.AuditEntries.Where(e => e.Action == AuditAction.AccountDeleted).Select(e => e.SubjectId).ToListAsync());
        });
        Assert.Equal(0, links);
        Assert.Equivalent(new[] { territory.PupilB.Id, territory.GuardianB.Id }, deletions);
    }

    [Fact]
    public async Task Retention_AccountThatNeverHadARelation_StaysActive()
    {
        var territory = await app.CreateTerritoryAsync();
        var loneTeacher = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            await db.StaffAssignments.Where(s => s.AccountId == territory.TeacherB.Id).ExecuteDeleteAsync();
            await db.TeachingAssignments.Where(t => t.TeacherId == territory.TeacherB.Id).ExecuteDeleteAsync();
            return territory.TeacherB.Id;
        });

        await app.RunJobAsync(AccountRetentionJob.JobName);

        Assert.True((await ActiveStatesAsync(territory, loneTeacher))[loneTeacher]);
    }

    [Fact]
    public async Task Export_Guardian_DownloadsOwnDataWithChildButNoOtherFamily()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.GuardianA);

        var response = await client.GetAsync("/compte/mes-donnees?handler=Download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        Assert.Equal(territory.GuardianA.Login, document.RootElement.GetProperty("compte").GetProperty("identifiant").GetString());
        var child = Assert.Single(document.RootElement.GetProperty("enfants").EnumerateArray());
        Assert.Equal(territory.PupilA.Login, child.GetProperty("compte").GetProperty("identifiant").GetString());
        Assert.Contains("Connexion", json, StringComparison.Ordinal);
        Assert.DoesNotContain(territory.PupilB.Login, json, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_GuardianWithoutParentalAuthority_GetsNoChildData()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.GuardianWithoutAuthorityA);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/compte/mes-donnees?handler=Download"));

        Assert.Empty(document.RootElement.GetProperty("enfants").EnumerateArray());
    }

    [Fact]
    public async Task Delete_GuardianWithRightPassword_DeletesTheAccountAndKeepsTheChild()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.GuardianB);

        var response = await PreauApp.SubmitFormAsync(client, "/compte/mes-donnees", new() { ["Input.Password"] = PreauApp.Password, ["Input.Understood"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var remaining = await ActiveStatesAsync(territory, territory.GuardianB.Id, territory.PupilB.Id);
        Assert.Equal([territory.PupilB.Id], remaining.Keys);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/compte")).StatusCode);
    }

    [Fact]
    public async Task Delete_WrongPasswordOrNotConfirmed_ShowsFrenchMessagesAndKeepsTheAccount()
    {
        var territory = await app.CreateTerritoryAsync();
        var client = await app.SignInAsync(territory.GuardianB);

        var response = await PreauApp.SubmitFormAsync(client, "/compte/mes-donnees", new() { ["Input.Password"] = "<script>alert(1)</script>" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le mot de passe n’est pas le bon.", html, StringComparison.Ordinal);
        Assert.Contains("Cochez la case pour confirmer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Single(await ActiveStatesAsync(territory, territory.GuardianB.Id));
    }

    [Fact]
    public async Task Delete_TeacherOrPupil_IsNotOffered()
    {
        var territory = await app.CreateTerritoryAsync();
        foreach (var account in new[] { territory.TeacherA, territory.PupilA })
        {
            var client = await app.SignInAsync(account);
            var page = await PreauApp.GetPageAsync(client, "/compte/mes-donnees");
            Assert.Null(page.QuerySelector("form[action*=Delete]"));

            var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var forged = await client.PostAsync("/compte/mes-donnees?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Password"] = PreauApp.Password,
                ["Input.Understood"] = "true",
            }));
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }

        Assert.Equal(2, (await ActiveStatesAsync(territory, territory.TeacherA.Id, territory.PupilA.Id)).Count);
    }

    private Task<int> EndEnrolmentAsync(TestTerritory territory, Guid pupilId) =>
        app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Enrolments
            .Where(e => e.PupilId == pupilId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.EndsOn, new DateOnly(2026, 11, 20))));

    private Task<Dictionary<Guid, bool>> ActiveStatesAsync(TestTerritory territory, params Guid[] ids) =>
        app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().Accounts
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.IsActive));
}
