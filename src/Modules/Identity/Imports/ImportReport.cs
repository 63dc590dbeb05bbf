using System.Text.Json;
using System.Text.Json.Serialization;

namespace Preau.Identity.Imports;

/// <summary>What the report counts, in the order the page shows it.</summary>
internal enum ChangeSubject
{
    Schools,
    Classes,
    Pupils,
    Guardians,
    Teachers,
    OtherStaff,
    Enrolments,
    GuardianLinks,
    TeachingAssignments,
    StaffAssignments,
}

/// <summary>How many rows of one kind an import creates, updates, deactivates (or ends, or deletes) and leaves as they are.</summary>
internal sealed class ChangeCount
{
    public int Created { get; set; }

    public int Updated { get; set; }

    public int Deactivated { get; set; }

    public int Unchanged { get; set; }

    [JsonIgnore]
    public int Changes => Created + Updated + Deactivated;
}

/// <summary>
/// The report of an analysis (what would change) or of an application (what changed), stored as JSON on
/// the <see cref="ImportRun"/>. The rejected lines themselves are rows of import_rejections.
/// </summary>
internal sealed class ImportReport
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public RosterEncoding? Encoding { get; set; }

    /// <summary>Data lines read in every file (headers not counted).</summary>
    public int LinesRead { get; set; }

    /// <summary>Lines rejected or partly ignored.</summary>
    public int LinesRejected { get; set; }

    /// <summary>Whether only the first rejections are listed (Imports:MaxRejectionsListed).</summary>
    public bool RejectionsTruncated { get; set; }

    /// <summary>Why the file could not be read or applied at all (nothing changed).</summary>
    public List<ReportMessage> Problems { get; set; } = [];

    /// <summary>What deserves attention without rejecting anything.</summary>
    public List<ReportMessage> Notices { get; set; } = [];

    public Dictionary<ChangeSubject, ChangeCount> Changes { get; set; } = [];

    [JsonIgnore]
    public int TotalChanges => Changes.Values.Sum(c => c.Changes);

    public ChangeCount this[ChangeSubject subject] => Changes.TryGetValue(subject, out var count) ? count : Changes[subject] = new ChangeCount();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportReport FromJson(string? json) =>
        json is null ? new ImportReport() : JsonSerializer.Deserialize<ImportReport>(json, Json) ?? new ImportReport();

    public static ImportReport Failed(ReportMessage problem) => new() { Problems = [problem] };
}
