using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Audit;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Imports;
using Preau.Platform.Authorization;
using Preau.Platform.Files;
using static Preau.IntegrationTests.Identity.ImportsPages;

namespace Preau.IntegrationTests.Identity;

/// <summary>
/// The import journey through the pages: upload, dry-run report, application in one transaction, a
/// re-import that changes nothing, next year's file, a head's import, the history (issue #2, item 6).
/// </summary>
public sealed class ImportsTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task Import_FrenchCsv_DryRunChangesNothingThenApplyCreatesFamilies()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);

        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai)));
        var waiting = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        Assert.NotNull(waiting.QuerySelector("[data-import-progress]"));
        await app.RunImportsAsync();

        var report = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        var counts = Counts(report);
        Assert.Equal((3, 0, 0, 0), counts["Élèves"]);
        Assert.Equal((3, 0, 0, 0), counts["Responsables"]);
        Assert.Equal((2, 0, 0, 0), counts["Classes et groupes"]);
        Assert.Equal((4, 0, 0, 0), counts["Liens entre responsables et élèves"]);
        Assert.Equal(0, await CountImportedAsync(territory.Id));

        var apply = await ApplyAsync(client, runId);
        Assert.Equal($"/imports/{runId}", apply.Headers.Location!.OriginalString);
        await app.RunImportsAsync();

        var applied = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        Assert.Contains("Appliqué", applied.QuerySelector(".toolbar .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((3, 0, 0, 0), Counts(applied)["Élèves"]);
        var (accounts, enrolments, links, passwords) = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var imported = await db.Accounts.Where(a => a.SourcedId != null).ToListAsync();
            var ids = imported.Select(a => a.Id).ToList();
            return (imported, await db.Enrolments.CountAsync(e => ids.Contains(e.PupilId) && e.EndsOn == null),
                await db.GuardianLinks.CountAsync(l => ids.Contains(l.PupilId)), imported.Count(a => a.PasswordHash != null));
        });
        Assert.Equal(6, accounts.Count);
        Assert.Equal(3, enrolments);
        Assert.Equal(4, links);
        Assert.Equal(0, passwords);
        var lea = accounts.Single(a => a.SourcedId == "1234567891B");
        Assert.Equal(("Léa", "Importé", new DateOnly(2019, 10, 2), Profile.Pupil), (lea.FirstName, lea.LastName, lea.BirthDate, lea.Profiles));
        // Logins are unique across the installation: other tests' Léa Importé came first.
        Assert.StartsWith("lea.importe", lea.UserName, StringComparison.Ordinal);
        var mother = accounts.Single(a => a.FirstName == "Nathalie");
        Assert.Equal(("nathalie.importe@example.org", "0612345678"), (mother.Email, mother.PhoneNumber));
    }

    [Fact]
    public async Task Import_Applied_AuditedWithoutPersonalDataAndFileDeleted()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);

        var runId = await UploadRunAsync(client, "Classe de Lucas Importé.csv", Utf8(FrenchCsv(uai)));
        await app.RunImportsAsync();
        var key = (await RunAsync(app, territory.Id, runId)).FileKey!;
        await ApplyAsync(client, runId);
        await app.RunImportsAsync();

        var run = await RunAsync(app, territory.Id, runId);
        Assert.Equal(ImportStatus.Applied, run.Status);
        Assert.Null(run.FileKey);
        Assert.Null(await app.Services.GetRequiredService<IFileStore>().OpenReadAsync(key, CancellationToken.None));
        var audit = await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries.SingleAsync(e => e.Action == AuditAction.ImportApplied));
        Assert.Equal((territory.Admin.Id, runId), (audit.ActorId, audit.SubjectId));
        Assert.Contains("15 créations", audit.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Lucas", audit.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Importé", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reimport_SameFile_ChangesNothing()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        await ImportAsync(territory, client, "eleves.csv", FrenchCsv(uai));
        var before = await SnapshotAsync(territory.Id);

        var again = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai)));
        await app.RunImportsAsync();
        var report = await PreauApp.GetPageAsync(client, $"/imports/{again}");
        Assert.All(Counts(report).Values, c => Assert.Equal((0, 0, 0), (c.Created, c.Updated, c.Deactivated)));
        await ApplyAsync(client, again);
        await app.RunImportsAsync();

        Assert.Equal(ImportStatus.Applied, (await RunAsync(app, territory.Id, again)).Status);
        Assert.Equal(before, await SnapshotAsync(territory.Id));
    }

    [Fact]
    public async Task Import_NextYearsFile_NewClassesAndEnrolmentsPreviousEndedNoDuplicate()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        await ImportAsync(territory, client, "eleves-2026.csv", FrenchCsv(uai));
        var accountsBefore = await CountImportedAsync(territory.Id);

        // Next year: Lucas goes to 6e elsewhere (not in this file), Léa moves up to CE2, Inès repeats CM2, a newcomer arrives.
        var nextYear = string.Join("\r\n",
            Header,
            $"{uai};CE2 Import;CE2;Importé;Léa;02/10/2019;1234567891B;2027-2028;Mère;Importé;Nathalie;nathalie.importe@example.org;06 12 34 56 78;oui;;;;;;",
            $"{uai};CM2 Import;CM2;Durand;Inès;05/05/2016;1234567892C;2027-2028;Tuteur;Durand;Sarah;sarah.durand@example.org;;oui;;;;;;",
            $"{uai};CP Import;CP;Nouveau;Noé;01/06/2021;1234567893D;2027-2028;Père;Nouveau;Marc;;06 00 00 00 01;oui;;;;;;") + "\r\n";
        var runId = await UploadRunAsync(client, "eleves-2027.csv", Utf8(nextYear));
        await app.RunImportsAsync();
        var report = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        Assert.Contains("Nouvelle année scolaire : 2027-2028.", report.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await ApplyAsync(client, runId);
        await app.RunImportsAsync();

        var (years, classes, running, ended, accounts, lucasActive) = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var imported = db.Accounts.Where(a => a.SourcedId != null).Select(a => a.Id);
            return (await db.SchoolYears.Select(y => y.Label).OrderBy(l => l).ToListAsync(),
                await db.ClassGroups.Where(c => c.SourcedId != null).Select(c => new { c.Name, c.IsActive, Year = db.SchoolYears.Single(y => y.Id == c.SchoolYearId).Label }).ToListAsync(),
                await db.Enrolments.CountAsync(e => imported.Contains(e.PupilId) && e.EndsOn == null),
                await db.Enrolments.CountAsync(e => imported.Contains(e.PupilId) && e.EndsOn != null),
                await imported.CountAsync(),
                await db.Accounts.Where(a => a.SourcedId == "1234567890A").Select(a => a.IsActive).SingleAsync());
        });
        Assert.Equal(["2026-2027", "2027-2028"], years);
        Assert.All(classes.Where(c => c.Year == "2026-2027"), c => Assert.False(c.IsActive));
        Assert.Equal(["CE2 Import", "CM2 Import", "CP Import"], classes.Where(c => c.Year == "2027-2028").Select(c => c.Name).Order());
        Assert.Equal(3, running);
        Assert.Equal(3, ended);
        // Two new people (Noé and his father); Léa, Inès and their guardians are the same accounts; Lucas is deactivated, not deleted.
        Assert.Equal(accountsBefore + 2, accounts);
        Assert.False(lucasActive);
    }

    [Fact]
    public async Task Import_OneRosterZip_StaffTeachingAndFamiliesCreated()
    {
        var territory = await app.CreateTerritoryAsync();
        var (uaiA, uaiB) = (await UaiAsync(app, territory.Id, territory.SchoolA), await UaiAsync(app, territory.Id, territory.SchoolB));
        var client = await app.SignInAsync(territory.Admin);

        var runId = await ImportAsync(territory, client, "oneroster.zip", null, ImportsOneRoster.Zip(ImportsOneRoster.Files(uaiA, uaiB)));

        var page = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        var counts = Counts(page);
        Assert.Equal((3, 0, 0, 0), counts["Élèves"]);
        Assert.Equal((2, 0, 0, 0), counts["Enseignants"]);
        Assert.Equal((0, 2, 0, 0), counts["Établissements"]);
        var (teaching, staff, head) = await app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var maths = await (from t in db.TeachingAssignments join a in db.Accounts on t.TeacherId equals a.Id where a.SourcedId == "t2" select t.Subject).SingleAsync();
            var assignments = await (from s in db.StaffAssignments join a in db.Accounts on s.AccountId equals a.Id where a.SourcedId != null select s).CountAsync();
            var principal = await (from s in db.StaffAssignments join a in db.Accounts on s.AccountId equals a.Id where a.SourcedId == "h1" select s.SchoolId).SingleAsync();
            return (maths, assignments, principal);
        });
        Assert.Equal("Mathématiques", teaching);
        Assert.Equal(3, staff);
        Assert.Equal(territory.SchoolA, head);
    }

    [Fact]
    public async Task Import_HeadOfSchoolA_OtherSchoolsLinesRejectedLineByLine()
    {
        var territory = await app.CreateTerritoryAsync();
        var (uaiA, uaiB) = (await UaiAsync(app, territory.Id, territory.SchoolA), await UaiAsync(app, territory.Id, territory.SchoolB));
        var client = await app.SignInAsync(territory.HeadA);

        var csv = FrenchCsv(uaiA, extraLines: $"{uaiB};CM1 B;CM1;Autre;École;01/01/2017;1234567899Z;2026-2027;;;;;;;;;;;;");
        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(csv), school: uaiA);
        await app.RunImportsAsync();

        var page = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        var rejection = Assert.Single(Rejections(page));
        Assert.Equal(("eleves.csv", 5, "uai"), (rejection.File, rejection.Line, rejection.Column));
        Assert.Equal($"L’établissement « {uaiB} » n’est pas dans le périmètre de cet import.", rejection.Reason);
        Assert.Equal((3, 0, 0, 0), Counts(page)["Élèves"]);
        Assert.Equal(territory.SchoolA, (await RunAsync(app, territory.Id, runId)).SchoolId);
    }

    [Fact]
    public async Task Upload_HeadChoosingAnotherSchool_RefusedOnTheForm()
    {
        var territory = await app.CreateTerritoryAsync();
        var uaiB = await UaiAsync(app, territory.Id, territory.SchoolB);
        var client = await app.SignInAsync(territory.HeadA);

        var response = await UploadAsync(client, "eleves.csv", Utf8(FrenchCsv(uaiB)), school: uaiB);
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choisissez l’un des établissements que vous dirigez.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task Upload_HeadWithoutChoosing_TerritoryImportRefused()
    {
        var territory = await app.CreateTerritoryAsync();
        var uaiA = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.HeadA);

        var response = await UploadAsync(client, "eleves.csv", Utf8(FrenchCsv(uaiA)), school: string.Empty);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ImportRuns.CountAsync()));
    }

    [Fact]
    public async Task History_ListsWhoWhenWhichFileAndCounts()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        await ImportAsync(territory, client, "eleves.csv", FrenchCsv(uai));

        var history = await PreauApp.GetPageAsync(client, "/imports");
        var row = history.QuerySelector("tbody tr")!;
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();

        Assert.StartsWith("eleves.csv", cells[1], StringComparison.Ordinal);
        Assert.Equal("Tout le territoire", cells[2]);
        Assert.Equal("Alice Admin", cells[3]);
        Assert.Equal("Appliqué", cells[4]);
        Assert.Equal("15", cells[5]);
        Assert.NotNull(history.QuerySelector("nav.main-nav a[href='/imports']"));
    }

    [Fact]
    public async Task Abandon_AnalysedRun_NothingChangesFileDeleted()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai)));
        await app.RunImportsAsync();
        var report = await PreauApp.GetPageAsync(client, $"/imports/{runId}");

        await PreauApp.SubmitFormAsync(client, $"/imports/{runId}", new(), handler: "Abandon");
        // The page left open in another tab still has its "Appliquer" button.
        var apply = await PreauApp.PostFormAsync(client, $"/imports/{runId}", report.Forms.Single(f => f.Action.Contains("handler=Apply", StringComparison.Ordinal)), new());
        await app.RunImportsAsync();

        var run = await RunAsync(app, territory.Id, runId);
        Assert.Equal((ImportStatus.Abandoned, null), (run.Status, run.FileKey));
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        Assert.Equal(0, await CountImportedAsync(territory.Id));
    }

    [Fact]
    public async Task Apply_TwiceAtOnce_AppliedOnce()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai)));
        await app.RunImportsAsync();
        var page = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        var form = page.Forms.Single(f => f.Action.Contains("handler=Apply", StringComparison.Ordinal));

        var answers = await Task.WhenAll(PreauApp.PostFormAsync(client, $"/imports/{runId}", form, new()), PreauApp.PostFormAsync(client, $"/imports/{runId}", form, new()));
        await app.RunImportsAsync();

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Equal(6, await CountImportedAsync(territory.Id));
        Assert.Equal(1, await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().AuditEntries.CountAsync(e => e.Action == AuditAction.ImportApplied)));
    }

    [Fact]
    public async Task Progress_WhileWaiting_AnswersJsonForTheScript()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai)));

        var json = await client.GetStringAsync($"/imports/{runId}?handler=Progress");

        Assert.Contains("\"status\":\"Analysing\"", json, StringComparison.Ordinal);
        Assert.Contains("\"total\":0", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_RunWhoseProcessDied_TakenOverWhenItsLeaseEnds()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai)));
        // Another process claimed the run, then died: its lease is still running.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedBy, Guid.NewGuid()).SetProperty(r => r.LockedUntil, now.AddMinutes(5)).SetProperty(r => r.Attempts, 1)));

        await app.RunImportsAsync();
        Assert.Equal(ImportStatus.Analysing, (await RunAsync(app, territory.Id, runId)).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await app.RunImportsAsync();

        Assert.Equal(ImportStatus.Analysed, (await RunAsync(app, territory.Id, runId)).Status);
    }

    [Fact]
    public async Task Runner_RunInterruptedThreeTimes_MarkedFailedFileDeleted()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai)));
        await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attempts, ImportRun.MaxAttempts)));

        await app.RunImportsAsync();

        var run = await RunAsync(app, territory.Id, runId);
        Assert.Equal((ImportStatus.Failed, null), (run.Status, run.FileKey));
        var page = await PreauApp.GetPageAsync(client, $"/imports/{runId}");
        Assert.Contains("interrompu plusieurs fois", page.QuerySelector(".alert--error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_DryRunNotAppliedForAWeek_AbandonedAndFileDeleted()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var runId = await UploadRunAsync(client, "eleves.csv", Utf8(FrenchCsv(uai, extraLines: "bad;line")));
        await app.RunImportsAsync();
        var key = (await RunAsync(app, territory.Id, runId)).FileKey!;

        app.Clock.Advance(TimeSpan.FromDays(8));
        await app.RunJobAsync("identity.imports.purge");
        var abandoned = await RunAsync(app, territory.Id, runId);
        app.Clock.Advance(TimeSpan.FromDays(90));
        await app.RunJobAsync("identity.imports.purge");

        Assert.Equal((ImportStatus.Abandoned, null), (abandoned.Status, abandoned.FileKey));
        Assert.Null(await app.Services.GetRequiredService<IFileStore>().OpenReadAsync(key, CancellationToken.None));
        Assert.Equal(0, await app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<IdentityDbContext>().ImportRejections.CountAsync(r => r.ImportRunId == runId)));
    }

    [Fact]
    public async Task PersonalData_Uploader_ExportedThenErased()
    {
        var territory = await app.CreateTerritoryAsync();
        var uai = await UaiAsync(app, territory.Id, territory.SchoolA);
        var client = await app.SignInAsync(territory.Admin);
        var runId = await ImportAsync(territory, client, "eleves.csv", FrenchCsv(uai));

        var export = await app.InTerritoryAsync(territory.Id, sp => sp.GetServices<Preau.Platform.Privacy.IPersonalDataSource>().Single(s => s.Module == "imports").ExportAsync(territory.Admin.Id, CancellationToken.None));
        await app.InTerritoryAsync(territory.Id, async sp =>
        {
            await sp.GetServices<Preau.Platform.Privacy.IPersonalDataSource>().Single(s => s.Module == "imports").EraseAsync(territory.Admin.Id, CancellationToken.None);
            return 0;
        });

        Assert.Contains("eleves.csv", System.Text.Json.JsonSerializer.Serialize(export), StringComparison.Ordinal);
        var run = await RunAsync(app, territory.Id, runId);
        Assert.Equal((Guid.Empty, (Guid?)null), (run.UploadedBy, run.AppliedBy));
    }

    private async Task<Guid> ImportAsync(TestTerritory territory, HttpClient client, string fileName, string? csv, byte[]? bytes = null)
    {
        var runId = await UploadRunAsync(client, fileName, bytes ?? Utf8(csv!));
        await app.RunImportsAsync();
        var apply = await ApplyAsync(client, runId);
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        await app.RunImportsAsync();
        Assert.Equal(ImportStatus.Applied, (await RunAsync(app, territory.Id, runId)).Status);
        return runId;
    }

    private Task<int> CountImportedAsync(Guid territoryId) =>
        app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<IdentityDbContext>().Accounts.CountAsync(a => a.SourcedId != null));

    /// <summary>Everything an import writes, as one comparable text.</summary>
    private Task<string> SnapshotAsync(Guid territoryId) => app.InTerritoryAsync(territoryId, async sp =>
    {
        var db = sp.GetRequiredService<IdentityDbContext>();
        var text = new StringBuilder();
        foreach (var a in await db.Accounts.OrderBy(a => a.Id).ToListAsync())
        {
            text.AppendLine($"{a.Id}|{a.UserName}|{a.FirstName}|{a.LastName}|{a.Email}|{a.PhoneNumber}|{a.BirthDate}|{a.Profiles}|{a.IsActive}|{a.SourcedId}|{a.ConcurrencyStamp}");
        }

        foreach (var c in await db.ClassGroups.OrderBy(c => c.Id).ToListAsync())
        {
            text.AppendLine($"{c.Id}|{c.Name}|{c.Level}|{c.IsActive}|{c.SourcedId}");
        }

        foreach (var e in await db.Enrolments.OrderBy(e => e.Id).ToListAsync())
        {
            text.AppendLine($"{e.Id}|{e.PupilId}|{e.ClassGroupId}|{e.StartsOn}|{e.EndsOn}");
        }

        foreach (var l in await db.GuardianLinks.OrderBy(l => l.Id).ToListAsync())
        {
            text.AppendLine($"{l.Id}|{l.GuardianId}|{l.PupilId}|{l.Relation}|{l.HasParentalAuthority}");
        }

        return text.ToString();
    });
}
