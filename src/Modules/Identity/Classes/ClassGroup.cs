using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Classes;

/// <summary>A school year: September to early July, per territory (overseas calendars differ).</summary>
internal sealed class SchoolYear : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>"2026-2027".</summary>
    public required string Label { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public bool Contains(DateOnly day) => day >= StartsOn && day <= EndsOn;

    /// <summary>Whether two periods share at least one day (both ends included).</summary>
    public static bool Overlap(DateOnly firstStart, DateOnly firstEnd, DateOnly secondStart, DateOnly secondEnd) =>
        firstStart <= secondEnd && secondStart <= firstEnd;

    /// <summary>The French label of the school year that contains a day ("2026-2027" from September 2026).</summary>
    public static string LabelFor(DateOnly day)
    {
        var start = day.Month >= 8 ? day.Year : day.Year - 1;
        return $"{start}-{start + 1}";
    }
}

/// <summary>A class or a group of a school, for one school year.</summary>
internal sealed class ClassGroup : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; set; }

    public Guid SchoolYearId { get; set; }

    public ClassGroupKind Kind { get; set; }

    /// <summary>"CM2 B", "6e 3", "Espagnol LV2 groupe 1".</summary>
    public required string Name { get; set; }

    /// <summary>Level(s) taught: "PS", "CP", "CM2", "6e", "2de"… (see <see cref="Levels"/>).</summary>
    public string? Level { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Identifier in the roster it was imported from.</summary>
    public string? SourcedId { get; set; }
}

/// <summary>The levels of the French school system, from petite section to terminale.</summary>
internal static class Levels
{
    /// <summary>Every level, in order.</summary>
    public static readonly IReadOnlyList<string> All = ["TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2", "6e", "5e", "4e", "3e", "2de", "1re", "Tle"];
}

/// <summary>A pupil's membership of a class or group. Leaving sets <see cref="EndsOn"/>: history is kept.</summary>
internal sealed class Enrolment : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ClassGroupId { get; set; }

    public Guid PupilId { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public string? SourcedId { get; set; }

    public bool IsActive => EndsOn is null;
}

/// <summary>A teacher of a class or group (the "teacher of this class" relation of DESIGN.md).</summary>
internal sealed class TeachingAssignment : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ClassGroupId { get; set; }

    public Guid TeacherId { get; set; }

    /// <summary>Subject taught in secondary school ("Mathématiques"), empty in primary.</summary>
    public string? Subject { get; set; }

    public DateOnly? EndsOn { get; set; }

    public string? SourcedId { get; set; }
}
