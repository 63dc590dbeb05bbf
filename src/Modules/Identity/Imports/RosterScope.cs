namespace Preau.Identity.Imports;

/// <summary>A school of the territory as the readers need it.</summary>
internal sealed record ScopeSchool(Guid Id, string Uai, string? SourcedId, string Name, bool IsActive);

/// <summary>
/// What a reading may touch: the territory's schools, and the one school a head's import is restricted
/// to (every line about another school is rejected). Also "today" in the territory, for dates.
/// </summary>
internal sealed class RosterScope
{
    private readonly Dictionary<string, ScopeSchool> _byUai;
    private readonly Dictionary<string, ScopeSchool> _bySourcedId;

    public RosterScope(IReadOnlyList<ScopeSchool> schools, Guid? restrictedTo, DateOnly today)
    {
        Schools = schools;
        RestrictedTo = restrictedTo;
        Today = today;
        _byUai = schools.ToDictionary(s => s.Uai, StringComparer.Ordinal);
        _bySourcedId = schools.Where(s => s.SourcedId is not null).GroupBy(s => s.SourcedId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<ScopeSchool> Schools { get; }

    /// <summary>The school of a head's import; null for a territory-wide import.</summary>
    public Guid? RestrictedTo { get; }

    public DateOnly Today { get; }

    public ScopeSchool? ByUai(string uai) => _byUai.GetValueOrDefault(uai);

    public ScopeSchool? BySourcedId(string sourcedId) => _bySourcedId.GetValueOrDefault(sourcedId);

    /// <summary>Whether lines about this school (null: a school not yet in Préau) may be imported.</summary>
    public bool Covers(Guid? schoolId) => RestrictedTo is null || schoolId == RestrictedTo;
}
