using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Accounts;
using Preau.Identity.Calendar;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Territories;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Imports;

/// <summary>
/// `preau import` and `preau generate-territory`: the same <see cref="ImportRoster"/> as the pages, with
/// the run recorded in the history ("Ligne de commande") and the report printed in French.
/// </summary>
internal sealed class RosterCommandLine(IdentityDbContext db, TenantContext tenant, ImportRoster import, TimeProvider clock, IPasswordHasher<Account> hasher) : IRosterCommandLine
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<int> ImportAsync(string territorySlug, string? newTerritoryName, string? schoolUai, bool dryRun, string filePath, TextWriter output, CancellationToken cancellationToken)
    {
        var territory = await db.Territories.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Slug == territorySlug, cancellationToken);
        if (territory is null && newTerritoryName is { Length: > 0 })
        {
            if (!Territory.IsValidSlug(territorySlug) || newTerritoryName.Trim().Length > 200)
            {
                await output.WriteLineAsync($"Territoire non créé : {Territory.InvalidSlugMessage} Le nom a 200 caractères au plus.");
                return 2;
            }

            territory = await CreateTerritoryAsync(territorySlug, newTerritoryName, cancellationToken);
            await output.WriteLineAsync($"Territoire « {newTerritoryName} » ({territorySlug}) créé.");
        }
        else if (territory is null)
        {
            await output.WriteLineAsync($"Territoire inconnu : « {territorySlug} ».");
            return 2;
        }

        tenant.Enter(territory.Id, territory.TimeZoneId);
        Guid? schoolId = null;
        if (!string.IsNullOrEmpty(schoolUai))
        {
            var uai = schoolUai.Trim().ToUpperInvariant();
            schoolId = await db.Schools.Where(s => s.Uai == uai).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (schoolId is null)
            {
                await output.WriteLineAsync($"Établissement inconnu dans le territoire : « {uai} ».");
                return 2;
            }
        }

        if (!File.Exists(filePath))
        {
            await output.WriteLineAsync($"Fichier introuvable : {filePath}");
            return 2;
        }

        await using var file = File.OpenRead(filePath);
        var outcome = await RunAsync(file, Path.GetFileName(filePath), schoolId, apply: !dryRun, output, cancellationToken);
        return outcome.Report.Problems.Count == 0 ? 0 : 1;
    }

    public async Task<SyntheticTerritory> GenerateTerritoryAsync(SyntheticTerritoryRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Territory.IsValidSlug(request.Slug))
        {
            throw new InvalidOperationException($"--slug « {request.Slug} » refusé : {Territory.InvalidSlugMessage}");
        }

        if (await db.Territories.IgnoreQueryFilters().AnyAsync(t => t.Slug == request.Slug, cancellationToken))
        {
            throw new InvalidOperationException($"Le territoire « {request.Slug} » existe déjà : choisissez un autre --slug.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var territory = await CreateTerritoryAsync(request.Slug, $"Département synthétique ({request.Slug})", cancellationToken);
        var startYear = int.Parse(SchoolYear.LabelFor(tenant.Today(clock))[..4], CultureInfo.InvariantCulture);

        var watch = Stopwatch.StartNew();
        var (path, notable) = await WriteRosterAsync(request.Slug, request.Scale, startYear, request.RosterOutput ?? Path.GetTempPath(), cancellationToken);
        await output.WriteLineAsync($"OneRoster généré en {watch.Elapsed.TotalSeconds:F1} s : {path} ({new FileInfo(path).Length / (1024 * 1024.0):F1} Mo)");
        try
        {
            await using var file = File.OpenRead(path);
            var outcome = await RunAsync(file, Path.GetFileName(path), null, apply: true, output, cancellationToken);
            if (outcome.Report.Problems.Count > 0)
            {
                throw new InvalidOperationException("L’import du territoire généré a échoué.");
            }
        }
        finally
        {
            if (request.RosterOutput is null)
            {
                File.Delete(path);
            }
        }

        var logins = new List<DemoLogin>();
        foreach (var (sourcedId, profile) in new[] { (notable.GuardianOfTwo, "Parent de deux enfants"), (notable.Teacher, "Enseignant d’école"), (notable.Head, "Directeur d’école (enseigne aussi)") })
        {
            var account = await db.Accounts.SingleAsync(a => a.SourcedId == sourcedId, cancellationToken);
            account.PasswordHash = hasher.HashPassword(account, request.Password);
            account.TermsAcceptedAt = now;
            logins.Add(new DemoLogin(profile, account.UserName!));
        }

        await db.SaveChangesAsync(cancellationToken);
        logins.AddRange(await GiveCrowdPasswordAsync(request, now, cancellationToken));
        return new SyntheticTerritory(territory.Id, logins);
    }

    /// <summary>
    /// The benchmark's crowd: guardians of two children and teachers who can sign in, so that the homes are
    /// measured over many accounts and not one account's home kept in memory (decision 0020). One hash for
    /// all: hashing is the cost of a sign-in, and a crowd of hundreds would take minutes.
    /// </summary>
    private async Task<List<DemoLogin>> GiveCrowdPasswordAsync(SyntheticTerritoryRequest request, DateTime now, CancellationToken cancellationToken)
    {
        if (request.Crowd <= 0)
        {
            return [];
        }

        var guardians = await db.GuardianLinks.GroupBy(l => l.GuardianId).Where(g => g.Count() == 2).Select(g => g.Key)
            .OrderBy(id => id).Take(request.Crowd).ToListAsync(cancellationToken);
        // Teachers who do not head their school: a head's home is another page (the school's figures).
        var teachers = await db.TeachingAssignments.Select(t => t.TeacherId).Distinct()
            .Where(id => !db.StaffAssignments.Any(s => s.AccountId == id && s.Profile == Profile.Head))
            .OrderBy(id => id).Take(request.Crowd).ToListAsync(cancellationToken);
        var hash = hasher.HashPassword(new Account { FirstName = string.Empty, LastName = string.Empty }, request.Password);
        await db.Accounts.Where(a => guardians.Contains(a.Id) || teachers.Contains(a.Id))
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.PasswordHash, hash).SetProperty(x => x.TermsAcceptedAt, now), cancellationToken);
        var names = await db.Accounts.AsNoTracking().Where(a => guardians.Contains(a.Id) || teachers.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.UserName!, cancellationToken);
        return [
            .. guardians.Select(id => new DemoLogin(CrowdGuardian, names[id])),
            .. teachers.Select(id => new DemoLogin(CrowdTeacher, names[id]))];
    }

    /// <summary>How the crowd's guardians are printed.</summary>
    public const string CrowdGuardian = "Parent de deux enfants (foule)";

    /// <summary>How the crowd's teachers are printed.</summary>
    public const string CrowdTeacher = "Enseignant d’école (foule)";

    public async Task<string> WriteSyntheticRosterAsync(string slug, SyntheticScale scale, string folder, CancellationToken cancellationToken)
    {
        var startYear = int.Parse(SchoolYear.LabelFor(DateOnly.FromDateTime(clock.GetLocalNow().DateTime))[..4], CultureInfo.InvariantCulture);
        return (await WriteRosterAsync(slug, scale, startYear, folder, cancellationToken)).Path;
    }

    private static async Task<(string Path, SyntheticRoster.NotableAccounts Notable)> WriteRosterAsync(string slug, SyntheticScale scale, int startYear, string folder, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{slug}-oneroster.zip");
        await using var zip = File.Create(path);
        return (path, await new SyntheticRoster(scale, startYear).WriteAsync(zip, cancellationToken));
    }

    /// <summary>A département with the indicative holidays of the current school year, as the administration page creates one.</summary>
    private async Task<Territory> CreateTerritoryAsync(string slug, string name, CancellationToken cancellationToken)
    {
        var territory = new Territory { Name = name.Trim(), Slug = slug, Kind = TerritoryKind.Departement, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Territories.Add(territory);
        tenant.Enter(territory.Id, territory.TimeZoneId);
        var startYear = int.Parse(SchoolYear.LabelFor(tenant.Today(clock))[..4], CultureInfo.InvariantCulture);
        db.SchoolHolidays.AddRange(SchoolHoliday.IndicativeRows(startYear));
        await db.SaveChangesAsync(cancellationToken);
        return territory;
    }

    private async Task<ImportRoster.Outcome> RunAsync(Stream file, string fileName, Guid? schoolId, bool apply, TextWriter output, CancellationToken cancellationToken)
    {
        var format = await ImportRoster.DetectFormatAsync(file, cancellationToken) ?? ImportFormat.FrenchCsv;
        var run = new ImportRun
        {
            TerritoryId = tenant.RequiredTerritoryId,
            SchoolId = schoolId,
            Format = format,
            FileName = StartImport.SafeFileName(fileName),
            UploadedBy = Guid.Empty,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = apply ? ImportStatus.Applying : ImportStatus.Analysing,
            // Held by this command, so that no web process takes the run.
            LockedUntil = clock.GetUtcNow().UtcDateTime.AddDays(1),
        };
        run.LockedBy = run.Id;
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        var progress = new ImportProgress();
        var watch = Stopwatch.StartNew();
        using var printing = new CancellationTokenSource();
        var printer = PrintProgressAsync(progress, output, printing.Token);
        ImportRoster.Outcome outcome;
        try
        {
            outcome = await import.RunAsync(run.Id, run.Id, file, apply, progress, cancellationToken);
        }
        finally
        {
            await printing.CancelAsync();
            await printer;
        }

        await PrintAsync(outcome, apply, watch.Elapsed, output);
        return outcome;
    }

    private static async Task PrintProgressAsync(ImportProgress progress, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await output.WriteLineAsync($"  … {progress.Processed.ToString("N0", French)} / {progress.Total.ToString("N0", French)}");
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private static async Task PrintAsync(ImportRoster.Outcome outcome, bool apply, TimeSpan elapsed, TextWriter output)
    {
        var report = outcome.Report;
        foreach (var problem in report.Problems)
        {
            await output.WriteLineAsync("Fichier refusé : " + string.Format(French, problem.Text, [.. problem.Args]));
        }

        if (report.Problems.Count > 0)
        {
            return;
        }

        await output.WriteLineAsync(apply ? "Import appliqué :" : "Analyse (rien n’a été modifié) :");
        await output.WriteLineAsync($"  {"",-62} {"créés",9} {"modifiés",9} {"désact.",9} {"inchangés",10}");
        foreach (var (subject, count) in report.Changes.OrderBy(c => c.Key))
        {
            await output.WriteLineAsync($"  {ImportLabels.Subject(subject),-62} {count.Created,9:N0} {count.Updated,9:N0} {count.Deactivated,9:N0} {count.Unchanged,10:N0}");
        }

        foreach (var notice in report.Notices)
        {
            await output.WriteLineAsync("  Note : " + string.Format(French, notice.Text, [.. notice.Args]));
        }

        await output.WriteLineAsync($"  {report.LinesRead.ToString("N0", French)} lignes lues, {report.LinesRejected.ToString("N0", French)} rejetées ou incomplètes.");
        foreach (var rejection in outcome.Rejections.Take(20))
        {
            await output.WriteLineAsync($"    {rejection.File}:{rejection.Line} [{rejection.Column}] {string.Format(French, rejection.Reason, rejection.Value ?? string.Empty)}");
        }

        if (report.LinesRejected > 20)
        {
            await output.WriteLineAsync("    … (la liste complète est dans l’historique des imports, page /imports)");
        }

        foreach (var (phase, duration, heap) in outcome.Phases)
        {
            await output.WriteLineAsync($"  {phase,-44} {duration.TotalSeconds,8:F1} s   (tas : {heap / (1024 * 1024),4} Mo)");
        }

        await output.WriteLineAsync($"  {"Total",-44} {elapsed.TotalSeconds,8:F1} s");
        var memory = GC.GetGCMemoryInfo();
        await output.WriteLineAsync($"  (ramasse-miettes : {GC.GetTotalPauseDuration().TotalSeconds:F1} s de pauses, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collectes gen0/1/2, tas {memory.HeapSizeBytes / (1024 * 1024)} Mo, mémoire engagée {memory.TotalCommittedBytes / (1024 * 1024)} Mo, pic de processus {Environment.WorkingSet / (1024 * 1024)} Mo)");
    }
}
