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
}

/// <summary>An uploaded roster, its dry-run report, and its application.</summary>
internal sealed class ImportRun : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>The school it is restricted to (a head's import), or null for the territory.</summary>
    public Guid? SchoolId { get; init; }

    public ImportFormat Format { get; init; }

    /// <summary>The file name as uploaded, for display only (never used as a path).</summary>
    public required string FileName { get; init; }

    /// <summary>The stored upload (IFileStore key), deleted once applied or abandoned.</summary>
    public string? FileKey { get; set; }

    public Guid UploadedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    public ImportStatus Status { get; set; }

    /// <summary>Lines processed so far, for the progress bar.</summary>
    public int ProcessedLines { get; set; }

    public int TotalLines { get; set; }

    /// <summary>The report (JSON): counts to create/update/deactivate and rejected lines with their reasons.</summary>
    public string? ReportJson { get; set; }

    public DateTime? AppliedAt { get; set; }
}
