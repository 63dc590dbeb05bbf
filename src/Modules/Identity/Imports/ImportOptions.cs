namespace Preau.Identity.Imports;

/// <summary>The "Imports" configuration section (README, Configure it).</summary>
internal sealed class ImportOptions
{
    /// <summary>Largest roster upload, in bytes: a département's OneRoster zip is a few tens of megabytes (100 MB by default).</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Largest decompressed size of a OneRoster zip (1 GB by default): beyond it, a zip bomb.</summary>
    public long MaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Rejected lines kept for the report; beyond, they are only counted (a file of garbage must not fill the database).</summary>
    public int MaxRejectionsListed { get; set; } = 20_000;

    /// <summary>Whether this process analyses and applies imports in the background (by default, as Jobs:RunInBackground).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How long a process holds a run without renewing its lease before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a worker looks for runs uploaded through other processes or left by a crashed one.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An analysed import not applied within this time is abandoned and its file deleted.</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Rejected lines are deleted after this time (the history keeps the counts).</summary>
    public TimeSpan KeepRejectionsFor { get; set; } = TimeSpan.FromDays(90);
}
