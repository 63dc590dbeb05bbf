using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Identity.Data;
using Preau.Platform.Files;
using Preau.Platform.Localization;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Imports;

/// <summary>
/// Runs the analyses and applications waiting in the database, whichever process received the upload
/// (DESIGN.md: background work claimed from the database). A run is claimed with a conditional UPDATE of
/// its lease, which a heartbeat renews (with the progress) while the work goes on; a run whose process
/// died is taken over when the lease ends (its transaction was rolled back by the database), and marked
/// failed after <see cref="ImportRun.MaxAttempts"/> attempts.
/// </summary>
internal sealed class ImportRunner(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ImportOptions> options, ILogger<ImportRunner> logger)
{
    public static readonly string Interrupted = Text.Fr("L’import a été interrompu plusieurs fois (redémarrage du serveur ?) : rien n’a été changé. Déposez le fichier à nouveau.");
    public static readonly string FileGone = Text.Fr("Le fichier déposé n’est plus disponible : déposez-le à nouveau.");

    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>Runs this process is working on: never claimed twice here, even when a lease runs late.</summary>
    private readonly ConcurrentDictionary<Guid, bool> _running = new();

    private sealed record Claimed(Guid RunId, Guid TerritoryId, ImportStatus Status, Guid Claim);

    /// <summary>Runs every waiting run (one after the other); returns how many were run.</summary>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (await ClaimNextAsync(cancellationToken) is { } claimed)
        {
            try
            {
                await RunAsync(claimed, cancellationToken);
            }
            finally
            {
                _running.TryRemove(claimed.RunId, out _);
            }

            count++;
        }

        return count;
    }

    private async Task<Claimed?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.ImportRuns.IgnoreQueryFilters().AsNoTracking()
            .Where(r => (r.Status == ImportStatus.Analysing || r.Status == ImportStatus.Applying) && (r.LockedUntil == null || r.LockedUntil < now))
            .OrderBy(r => r.CreatedAt).Take(10)
            .Select(r => new { r.Id, r.TerritoryId, r.Status, r.Attempts, r.FileKey })
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates.Where(c => !_running.ContainsKey(c.Id)))
        {
            var claim = Guid.NewGuid();
            var until = now + options.Value.Lease;
            var claimed = await db.ImportRuns.IgnoreQueryFilters()
                .Where(r => r.Id == candidate.Id && r.Status == candidate.Status && (r.LockedUntil == null || r.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedUntil, until).SetProperty(r => r.LockedBy, claim).SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
            if (claimed != 1 || !_running.TryAdd(candidate.Id, true))
            {
                continue;
            }

            if (candidate.Attempts >= ImportRun.MaxAttempts)
            {
                await GiveUpAsync(db, candidate.Id, claim, candidate.FileKey, ReportMessage.Of(Interrupted), scope.ServiceProvider, cancellationToken);
                _running.TryRemove(candidate.Id, out _);
                continue;
            }

            return new Claimed(candidate.Id, candidate.TerritoryId, candidate.Status, claim);
        }

        return null;
    }

    private async Task RunAsync(Claimed claimed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<IdentityDbContext>();
        var territory = await db.Territories.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == claimed.TerritoryId).Select(t => new { t.Id, t.TimeZoneId }).SingleAsync(cancellationToken);
        services.GetRequiredService<TenantContext>().Enter(territory.Id, territory.TimeZoneId);
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == claimed.RunId, cancellationToken);
        var store = services.GetRequiredService<IFileStore>();
        await using var stored = run.FileKey is null ? null : await store.OpenReadAsync(run.FileKey, cancellationToken);
        if (stored is null)
        {
            await GiveUpAsync(db, run.Id, claimed.Claim, null, ReportMessage.Of(FileGone), services, cancellationToken);
            return;
        }

        var apply = claimed.Status == ImportStatus.Applying;
        var progress = new ImportProgress();
        using var stopHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // SQLite has one writer: while the application's transaction holds it, progress cannot be written.
        var heartbeat = apply && !db.Database.IsNpgsql() ? Task.CompletedTask : HeartbeatAsync(claimed, progress, stopHeartbeat.Token);
        try
        {
            await using var file = await SeekableAsync(stored, cancellationToken);
            var outcome = await services.GetRequiredService<ImportRoster>().RunAsync(run.Id, claimed.Claim, file, apply, progress, cancellationToken);
            logger.LogInformation("Import run {Run} {Step}: {Changes} changes, {Rejected} lines rejected", run.Id, apply ? "applied" : "analysed", outcome.Report.TotalChanges, outcome.Report.LinesRejected);
        }
        catch (ImportLeaseLostException)
        {
            logger.LogWarning("Import run {Run} was taken over by another process", run.Id);
            return;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Import run {Run} failed", run.Id);
            await using var failScope = scopes.CreateAsyncScope();
            failScope.ServiceProvider.GetRequiredService<TenantContext>().Enter(territory.Id, territory.TimeZoneId);
            await failScope.ServiceProvider.GetRequiredService<ImportRoster>().FailAsync(run.Id, claimed.Claim, cancellationToken);
        }
        finally
        {
            await stopHeartbeat.CancelAsync();
            await heartbeat;
        }

        // Once applied or failed, the file has served: delete it (docs/privacy.md).
        var status = await db.ImportRuns.AsNoTracking().Where(r => r.Id == run.Id).Select(r => r.Status).SingleAsync(cancellationToken);
        if (status is ImportStatus.Applied or ImportStatus.Failed)
        {
            await DeleteFileAsync(db, store, run.Id, run.FileKey!, cancellationToken);
        }
    }

    /// <summary>A ZIP needs random access: a store that streams (object storage) is copied to a temporary file first.</summary>
    private static async Task<Stream> SeekableAsync(Stream stored, CancellationToken cancellationToken)
    {
        if (stored.CanSeek)
        {
            return stored;
        }

        var temporary = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, System.IO.FileOptions.DeleteOnClose);
        await stored.CopyToAsync(temporary, cancellationToken);
        temporary.Position = 0;
        return temporary;
    }

    /// <summary>Every second: the progress for the page, and a renewed lease so that no other process takes the run over.</summary>
    private async Task HeartbeatAsync(Claimed claimed, ImportProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
            using var timer = new PeriodicTimer(HeartbeatInterval, clock);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var until = clock.GetUtcNow().UtcDateTime + options.Value.Lease;
                var processed = progress.Processed;
                var total = progress.Total;
                await db.ImportRuns.IgnoreQueryFilters().Where(r => r.Id == claimed.RunId && r.LockedBy == claimed.Claim && r.Status == claimed.Status)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ProcessedLines, processed).SetProperty(r => r.TotalLines, total).SetProperty(r => r.LockedUntil, until), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The work is over.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Progress of import run {Run} could not be recorded", claimed.RunId);
        }
    }

    private static async Task GiveUpAsync(IdentityDbContext db, Guid runId, Guid claim, string? fileKey, ReportMessage problem, IServiceProvider services, CancellationToken cancellationToken)
    {
        var json = ImportReport.Failed(problem).ToJson();
        await db.ImportRuns.IgnoreQueryFilters().Where(r => r.Id == runId && r.LockedBy == claim).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, ImportStatus.Failed)
            .SetProperty(r => r.ReportJson, json)
            .SetProperty(r => r.LockedUntil, (DateTime?)null)
            .SetProperty(r => r.LockedBy, (Guid?)null), cancellationToken);
        if (fileKey is not null)
        {
            await DeleteFileAsync(db, services.GetRequiredService<IFileStore>(), runId, fileKey, cancellationToken);
        }
    }

    public static async Task DeleteFileAsync(IdentityDbContext db, IFileStore store, Guid runId, string fileKey, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(fileKey, cancellationToken);
        await db.ImportRuns.IgnoreQueryFilters().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FileKey, (string?)null), cancellationToken);
    }
}

/// <summary>Wakes this process's import worker as soon as a run is uploaded or asked to apply here.</summary>
internal sealed class ImportSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>Runs waiting imports in the background of every web process (tests run them explicitly).</summary>
internal sealed class ImportWorker(ImportRunner runner, ImportSignal signal, IOptions<ImportOptions> options, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Waiting imports could not be run");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
