using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Demo;
using Preau.Platform.Localization;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Imports;

/// <summary>
/// The import itself, for the web (a run claimed by <see cref="ImportRunner"/>) and for the command line:
/// reads the file, compares it with the territory, and either records the dry-run report or applies every
/// change in one transaction, all or nothing, with the run's new status and an audit entry.
/// </summary>
internal sealed class ImportRoster(IdentityDbContext db, TenantContext tenant, TimeProvider clock, ILookupNormalizer normalizer, AuditLog audit, IOptions<ImportOptions> options)
{
    public static readonly string NotARoster = Text.Fr("Ce fichier n’est ni une archive zip OneRoster ni un fichier CSV.");
    public static readonly string ChangedMeanwhile = Text.Fr("Des comptes ont été modifiés pendant l’import : rien n’a été changé. Relancez l’import.");
    public static readonly string Unexpected = Text.Fr("L’import a échoué sur une erreur inattendue : rien n’a été changé. Réessayez ; si l’erreur persiste, contactez l’assistance.");

    /// <summary>What a run produced: its report and the rejected lines listed in it.</summary>
    public sealed record Outcome(ImportReport Report, IReadOnlyList<RosterIssue> Rejections, RosterPlan? Plan)
    {
        /// <summary>How long each step took (printed by the command line, for docs/performance.md).</summary>
        public List<(string Phase, TimeSpan Duration, long HeapBytes)> Phases { get; init; } = [];
    }

    private readonly List<(string Phase, TimeSpan Duration, long HeapBytes)> _phases = [];
    private long _phaseStart;

    private void StartPhase() => _phaseStart = Stopwatch.GetTimestamp();

    private void EndPhase(string phase) => _phases.Add((phase, Stopwatch.GetElapsedTime(_phaseStart), GC.GetTotalMemory(Environment.GetEnvironmentVariable("PREAU_TRACE_HEAP") == "1")));

    /// <summary>
    /// Analyses (<paramref name="apply"/> false) or applies a run's file, and records the result on the run
    /// (whose lease <paramref name="claim"/> must still be held: a process that lost it writes nothing).
    /// </summary>
    public async Task<Outcome> RunAsync(Guid runId, Guid? claim, Stream file, bool apply, ImportProgress progress, CancellationToken cancellationToken)
    {
        // The plan streams the territory's accounts once, synchronously (RosterState).
        using var synchronousQueries = db.AllowSynchronousQueries();
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId, cancellationToken);
        var issues = new RosterIssues(options.Value.MaxRejectionsListed);
        StartPhase();
        var scope = await LoadScopeAsync(run.SchoolId, cancellationToken);
        Roster roster;
        ImportReport report;
        try
        {
            (roster, report) = Read(file, run.FileName, run.Format, scope, issues, progress, cancellationToken);
            EndPhase("lecture du fichier");
        }
        catch (RosterFileException problem)
        {
            var failed = ImportReport.Failed(problem.Problem);
            await FinishAsync(runId, claim, ImportStatus.Failed, failed, [], progress, cancellationToken);
            return new Outcome(failed, [], null);
        }

        if (!apply)
        {
            StartPhase();
            var plan = await PlanAsync(roster, scope, report, cancellationToken);
            EndPhase("comparaison avec la base");
            await FinishAsync(runId, claim, ImportStatus.Analysed, plan.Report, issues.Listed, progress, cancellationToken);
            return new Outcome(plan.Report, issues.Listed, plan) { Phases = _phases };
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // One application at a time per territory, whichever process runs it.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({TerritoryLockKey(run.TerritoryId)})", cancellationToken);
            }

            StartPhase();
            var plan = await PlanAsync(roster, scope, report, cancellationToken);
            EndPhase("comparaison avec la base");
            StartPhase();
            await AllocateLoginsAsync(plan, roster, cancellationToken);
            EndPhase("choix des identifiants");
            StartPhase();
            await new RosterWriter(db, normalizer, clock).WriteAsync(roster, plan, run.TerritoryId, progress, (step, duration) => _phases.Add(("  écriture : " + step, duration, GC.GetTotalMemory(Environment.GetEnvironmentVariable("PREAU_TRACE_HEAP") == "1"))), cancellationToken);
            audit.Record(run.TerritoryId, AuditAction.ImportApplied, run.AppliedBy ?? (run.UploadedBy == Guid.Empty ? null : run.UploadedBy), run.Id, AuditSummary(run, plan.Report));
            await db.SaveChangesAsync(cancellationToken);
            await FinishAsync(runId, claim, ImportStatus.Applied, plan.Report, issues.Listed, progress, cancellationToken);
            EndPhase("écriture");
            StartPhase();
            await transaction.CommitAsync(cancellationToken);
            EndPhase("validation de la transaction");
            return new Outcome(plan.Report, issues.Listed, plan) { Phases = _phases };
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var failed = ImportReport.Failed(ReportMessage.Of(ChangedMeanwhile));
            await FinishAsync(runId, claim, ImportStatus.Failed, failed, [], progress, cancellationToken);
            return new Outcome(failed, [], null);
        }
    }

    /// <summary>Records an unexpected failure on a run (nothing was changed: the transaction rolled back).</summary>
    public async Task FailAsync(Guid runId, Guid? claim, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await FinishAsync(runId, claim, ImportStatus.Failed, ImportReport.Failed(ReportMessage.Of(Unexpected)), [], new ImportProgress(), cancellationToken);
    }

    private async Task<RosterScope> LoadScopeAsync(Guid? schoolId, CancellationToken cancellationToken)
    {
        var schools = await db.Schools.AsNoTracking()
            .Select(s => new ScopeSchool(s.Id, s.Uai, s.SourcedId, s.Name, s.IsActive)).ToListAsync(cancellationToken);
        return new RosterScope(schools, schoolId, tenant.Today(clock));
    }

    /// <summary>Recognises the format by content: a zip is OneRoster, text is the French CSV.</summary>
    public static async Task<ImportFormat?> DetectFormatAsync(Stream file, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        var read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        file.Position = 0;
        if (read == 4 && header[0] == 'P' && header[1] == 'K' && header[2] == 3 && header[3] == 4)
        {
            return ImportFormat.OneRoster;
        }

        return read > 0 ? ImportFormat.FrenchCsv : null;
    }

    /// <summary>Reads the file synchronously: long CPU-bound work on a background thread (or the command line's).</summary>
    private (Roster Roster, ImportReport Report) Read(Stream file, string fileName, ImportFormat format, RosterScope scope, RosterIssues issues, ImportProgress progress, CancellationToken cancellationToken)
    {
        var report = new ImportReport();
        Roster roster;
        if (format == ImportFormat.OneRoster)
        {
            using var archive = RosterArchive.Open(file, options.Value.MaxUncompressedBytes);
            var encodings = new Dictionary<string, RosterEncoding>(StringComparer.OrdinalIgnoreCase);
            var total = 0;
            var scan = Stopwatch.GetTimestamp();
            foreach (var name in OneRosterReader.DataFiles.Prepend(OneRosterReader.ManifestFile).Where(archive.Contains))
            {
                using var entry = archive.OpenEntry(name);
                var (encoding, lines) = RosterText.Scan(entry, name, cancellationToken);
                encodings[name] = encoding;
                total += lines;
                if (encoding == RosterEncoding.Windows1252)
                {
                    report.Encoding = RosterEncoding.Windows1252;
                    report.Notices.Add(ReportMessage.Of(RosterText.ReadAsWindows1252, name));
                }
            }

            _phases.Add(("  dont contrôle de l’encodage", Stopwatch.GetElapsedTime(scan), GC.GetTotalMemory(Environment.GetEnvironmentVariable("PREAU_TRACE_HEAP") == "1")));
            progress.Restart(total);
            roster = new OneRosterReader(scope, issues, progress).Read(archive, encodings, cancellationToken);
            report.Encoding ??= RosterEncoding.Utf8;
        }
        else
        {
            var (encoding, lines) = RosterText.Scan(file, fileName, cancellationToken);
            file.Position = 0;
            progress.Restart(lines);
            report.Encoding = encoding;
            if (encoding == RosterEncoding.Windows1252)
            {
                report.Notices.Add(ReportMessage.Of(RosterText.ReadAsWindows1252, fileName));
            }

            roster = new FrenchCsvReader(scope, issues, progress).Read(file, fileName, encoding, cancellationToken);
        }

        report.LinesRead = progress.Processed;
        report.LinesRejected = issues.Count;
        report.RejectionsTruncated = issues.Truncated;
        return (roster, report);
    }

    private async Task<RosterPlan> PlanAsync(Roster roster, RosterScope scope, ImportReport read, CancellationToken cancellationToken)
    {
        var state = await RosterState.LoadAsync(db, roster, cancellationToken);
        var plan = new RosterPlanner(roster, state, scope, tenant.RequiredTerritoryId).Plan();
        plan.Report.Encoding = read.Encoding;
        plan.Report.LinesRead = read.LinesRead;
        plan.Report.LinesRejected = read.LinesRejected;
        plan.Report.RejectionsTruncated = read.RejectionsTruncated;
        plan.Report.Notices.InsertRange(0, read.Notices);
        return plan;
    }

    /// <summary>
    /// Logins in the prenom.nom form, unique across the installation (sign-in happens before any territory
    /// is known). The installation's logins are streamed, and only those that could collide with a new one
    /// (same prenom.nom, with or without a number) are kept in memory.
    /// </summary>
    private async Task AllocateLoginsAsync(RosterPlan plan, Roster roster, CancellationToken cancellationToken)
    {
        if (plan.NewAccounts.Count == 0)
        {
            return;
        }

        var stems = new HashSet<string>(plan.NewAccounts.Select(a => LoginNames.Stem(roster.People[a.Person].FirstName, roster.People[a.Person].LastName)), StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var login in db.Accounts.IgnoreQueryFilters().AsNoTracking().Select(a => a.UserName!).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (CouldCollide(login, stems))
            {
                taken.Add(login);
            }
        }

        var logins = new LoginAllocator(taken);
        for (var i = 0; i < plan.NewAccounts.Count; i++)
        {
            var person = roster.People[plan.NewAccounts[i].Person];
            plan.NewAccounts[i] = plan.NewAccounts[i] with { UserName = logins.Allocate(person.FirstName, person.LastName) };
        }
    }

    /// <summary>Whether a login is one of the stems, or one of them followed by a number.</summary>
    private static bool CouldCollide(string login, HashSet<string> stems)
    {
        var lookup = stems.GetAlternateLookup<ReadOnlySpan<char>>();
        var end = login.Length;
        while (true)
        {
            if (lookup.Contains(login.AsSpan(0, end)))
            {
                return true;
            }

            if (end == 0 || !char.IsAsciiDigit(login[end - 1]))
            {
                return false;
            }

            end--;
        }
    }

    /// <summary>
    /// Records the end of a step on the run, releases its lease, and lists its rejected lines: all at once
    /// (in the application's transaction, or in one of its own), so a failure leaves the run as it was.
    /// </summary>
    private async Task FinishAsync(Guid runId, Guid? claim, ImportStatus status, ImportReport report, IReadOnlyList<RosterIssue> rejections, ImportProgress progress, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var json = report.ToJson();
            var processed = progress.Processed;
            var total = Math.Max(progress.Total, processed);
            var updated = await db.ImportRuns.Where(r => r.Id == runId && r.LockedBy == claim).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(r => r.Status, status)
                    .SetProperty(r => r.ReportJson, json)
                    .SetProperty(r => r.ProcessedLines, processed)
                    .SetProperty(r => r.TotalLines, total)
                    .SetProperty(r => r.LockedUntil, (DateTime?)null)
                    .SetProperty(r => r.LockedBy, (Guid?)null);
                if (status == ImportStatus.Applied)
                {
                    s.SetProperty(r => r.AppliedAt, now);
                }
            }, cancellationToken);
            if (updated == 0)
            {
                // Another process took the run over (this one was too slow to renew its lease): its result wins.
                throw new ImportLeaseLostException();
            }

            await db.ImportRejections.Where(r => r.ImportRunId == runId).ExecuteDeleteAsync(cancellationToken);
            var order = OneRosterReader.DataFiles.Prepend(OneRosterReader.ManifestFile).ToList();
            var territoryId = tenant.RequiredTerritoryId;
            var rows = rejections
                .OrderBy(r => order.IndexOf(r.File) is var i && i < 0 ? int.MaxValue : i).ThenBy(r => r.Line)
                .Select(r => new ImportRejection { TerritoryId = territoryId, ImportRunId = runId, File = Truncate(r.File, 100), Line = r.Line, Column = r.Column, Reason = r.Reason, Value = r.Value });
            await new RowInserter(db).InsertAsync(rows, _ => { }, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    /// <summary>A 64-bit advisory lock key per territory (PostgreSQL advisory locks take a bigint).</summary>
    private static long TerritoryLockKey(Guid territoryId) => BitConverter.ToInt64(territoryId.ToByteArray(), 8);

    /// <summary>Counts only: the audit log holds no name, no file name (it could name a person), no personal data.</summary>
    private static string AuditSummary(ImportRun run, ImportReport report)
    {
        var created = report.Changes.Values.Sum(c => c.Created);
        var updated = report.Changes.Values.Sum(c => c.Updated);
        var deactivated = report.Changes.Values.Sum(c => c.Deactivated);
        var scope = run.SchoolId is null ? "territoire" : "établissement";
        return string.Create(CultureInfo.InvariantCulture, $"Import {run.Format} appliqué ({scope}) : {created} créations, {updated} modifications, {deactivated} désactivations ou fins, {report.LinesRejected} lignes rejetées");
    }
}

/// <summary>The process lost its lease on a run to another one; it must not record anything.</summary>
internal sealed class ImportLeaseLostException() : Exception("The import run was taken over by another process.");
