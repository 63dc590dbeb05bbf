using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Platform.Data;

namespace Preau.Platform.Jobs;

/// <summary>
/// Recurring work (retention, digests). Runs in one process at a time across the deployment:
/// the run is claimed through a lease row in the database, never an in-memory timer alone.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Stable name, also the lease key.</summary>
    string Name { get; }

    /// <summary>Time between two runs.</summary>
    TimeSpan Interval { get; }

    /// <summary>Does one run. Resolved in its own scope, outside any territory: iterate territories explicitly.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>The lease and last outcome of a scheduled job.</summary>
public sealed class ScheduledJobRun
{
    /// <summary>The job's name.</summary>
    public required string Name { get; init; }

    /// <summary>When the next run is due.</summary>
    public DateTime NextRunAt { get; set; }

    /// <summary>Claimed by a process until then.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>When it last completed.</summary>
    public DateTime? LastRunAt { get; set; }

    /// <summary>The last failure, if the last run failed.</summary>
    public string? LastError { get; set; }
}

/// <summary>The "Jobs" configuration section.</summary>
public sealed class JobOptions
{
    /// <summary>Whether this process runs scheduled jobs (tests run them explicitly).</summary>
    public bool RunInBackground { get; set; } = true;
}

/// <summary>Runs the due jobs; also used by tests and the CLI to run one job now.</summary>
public sealed class ScheduledJobRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledJobRunner> logger)
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(30);

    /// <summary>Runs every job whose time has come and that no other process holds.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var job in scope.ServiceProvider.GetServices<IScheduledJob>())
        {
            if (await TryClaimAsync(job, cancellationToken))
            {
                await RunAsync(job.Name, cancellationToken);
            }
        }
    }

    /// <summary>Runs one job now, whatever its schedule.</summary>
    public async Task RunAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == name);
        string? error = null;
        try
        {
            await job.RunAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "Scheduled job {Job} failed", name);
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var run = await db.JobRuns.FindAsync([name], cancellationToken) ?? db.JobRuns.Add(new ScheduledJobRun { Name = name }).Entity;
        run.LastRunAt = now;
        run.NextRunAt = now + job.Interval;
        run.LockedUntil = null;
        run.LastError = error?.Length > 2000 ? error[..2000] : error;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> TryClaimAsync(IScheduledJob job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.JobRuns.AnyAsync(r => r.Name == job.Name, cancellationToken))
        {
            db.JobRuns.Add(new ScheduledJobRun { Name = job.Name, NextRunAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process created the row first; the conditional claim below decides.
            }
        }

        var until = now + LeaseDuration;
        var claimed = await db.JobRuns
            .Where(r => r.Name == job.Name && r.NextRunAt <= now && (r.LockedUntil == null || r.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LockedUntil, until), cancellationToken);
        return claimed == 1;
    }
}

/// <summary>Looks for due jobs every minute.</summary>
internal sealed class ScheduledJobWorker(ScheduledJobRunner runner, IOptions<JobOptions> options, TimeProvider clock, ILogger<ScheduledJobWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(exception, "Scheduled jobs could not be checked");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
