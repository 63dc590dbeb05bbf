using Preau.Platform.Tenancy;

namespace Preau.Identity.Imports;

/// <summary>The roster formats Préau reads (docs/imports.md).</summary>
internal enum ImportFormat
{
    /// <summary>1EdTech OneRoster 1.2 bulk CSV (a zip, or its CSV files).</summary>
    OneRoster,

    /// <summary>Préau's simple French CSV: one line per pupil with up to two guardians.</summary>
    FrenchCsv,
}

/// <summary>Where an import stands.</summary>
internal enum ImportStatus
{
    /// <summary>Uploaded, being analysed.</summary>
    Analysing,

    /// <summary>Analysed: the dry-run report is ready, nothing changed yet.</summary>
    Analysed,

    /// <summary>Being applied.</summary>
    Applying,

    /// <summary>Applied in one transaction.</summary>
    Applied,

    /// <summary>The file could not be read or applied; nothing changed.</summary>
    Failed,

    /// <summary>The dry run was not applied: its file is deleted, nothing changed.</summary>
    Abandoned,
}

/// <summary>
/// An uploaded roster, its dry-run report, and its application. The row is also the work item of the
/// background analysis and application: a process claims it with a conditional UPDATE of
/// <see cref="LockedUntil"/> and renews that lease while it works, so a crashed process's run is taken
/// over by another once the lease ends (DESIGN.md: background work claimed from the database).
/// </summary>
internal sealed class ImportRun : ITerritoryOwned
{
    /// <summary>After this many interrupted attempts a run is marked failed instead of being taken over again.</summary>
    public const int MaxAttempts = 3;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>The school it is restricted to (a head's import), or null for the territory.</summary>
    public Guid? SchoolId { get; init; }

    public ImportFormat Format { get; init; }

    /// <summary>The file name as uploaded, for display only (never used as a path).</summary>
    public required string FileName { get; init; }

    /// <summary>The stored upload (IFileStore key), deleted once applied or abandoned.</summary>
    public string? FileKey { get; set; }

    public Guid UploadedBy { get; set; }

    public DateTime CreatedAt { get; init; }

    public ImportStatus Status { get; set; }

    /// <summary>Lines processed so far, for the progress bar (changes written, while applying).</summary>
    public int ProcessedLines { get; set; }

    public int TotalLines { get; set; }

    /// <summary>The report (JSON): counts to create/update/deactivate and rejected lines with their reasons.</summary>
    public string? ReportJson { get; set; }

    public DateTime? AppliedAt { get; set; }

    /// <summary>Who asked for the application (may differ from the uploader).</summary>
    public Guid? AppliedBy { get; set; }

    /// <summary>End of the lease of the process working on the run; null while it waits for one.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The claim of the process working on the run.</summary>
    public Guid? LockedBy { get; set; }

    /// <summary>How many times a process started on the current step (analysis or application).</summary>
    public int Attempts { get; set; }

    public bool IsWholeTerritory => SchoolId is null;

    /// <summary>Waiting for a process or being worked on.</summary>
    public bool IsInProgress => Status is ImportStatus.Analysing or ImportStatus.Applying;

    /// <summary>Only an analysed run is applied: the user saw its dry-run report.</summary>
    public bool CanApply => Status == ImportStatus.Analysed;

    /// <summary>An analysed run that is not wanted is abandoned (its file deleted).</summary>
    public bool CanAbandon => Status == ImportStatus.Analysed;
}

/// <summary>
/// A line of the uploaded file that the import leaves out, with where it is and why (a French text,
/// translated on display, with its argument). <see cref="Value"/> only ever holds identifiers and
/// codes of the file (a UAI, a sourcedId, a class name), never a person's name or contact details.
/// </summary>
internal sealed class ImportRejection : ITerritoryOwned
{
    public long Id { get; init; }

    public Guid TerritoryId { get; init; }

    public Guid ImportRunId { get; init; }

    /// <summary>The file of the archive ("users.csv"), or the uploaded file's name for a single CSV.</summary>
    public required string File { get; init; }

    /// <summary>Line in the file (the header is line 1), 0 for the file as a whole.</summary>
    public int Line { get; init; }

    public string? Column { get; init; }

    /// <summary>French text with a {0} placeholder for <see cref="Value"/> (the key of its translation).</summary>
    public required string Reason { get; init; }

    public string? Value { get; init; }
}
