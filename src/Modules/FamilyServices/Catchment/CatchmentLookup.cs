using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.Identity.Contracts;

namespace Preau.FamilyServices.Catchment;

/// <summary>The school(s) an address is assigned to for a level, and how (which rule).</summary>
internal sealed record CatchmentAnswer(SchoolInfo School, CatchmentRule Rule);

/// <summary>
/// Finds the public school(s) of an address: the street (or area) is normalised, its rules fetched by an
/// indexed lookup, then the number, its parity and the level decide. Several answers mean the map
/// overlaps (refused on save, so only for rules saved before a change of level); none means the address
/// is outside every catchment and the town's service answers the family.
/// </summary>
internal sealed class CatchmentLookup(FamilyServicesDbContext db, IStructureDirectory directory)
{
    public async Task<IReadOnlyList<CatchmentAnswer>> FindAsync(string? street, string? houseNumber, string? area, SchoolLevel level, CancellationToken cancellationToken)
    {
        var normalizedStreet = StreetNames.Normalize(street);
        var normalizedArea = StreetNames.Normalize(area);
        var number = HouseNumbers.Parse(houseNumber);
        var names = new[] { normalizedStreet, normalizedArea }.Where(n => n.Length > 0).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var rules = await db.CatchmentRules.AsNoTracking().Where(r => names.Contains(r.NormalizedName)).ToListAsync(cancellationToken);
        var matching = rules.Where(r => r.Kind == CatchmentRuleKind.Street
                ? r.Covers(normalizedStreet, number, level)
                : r.Covers(normalizedArea, null, level))
            .ToList();
        if (matching.Count == 0)
        {
            return [];
        }

        var schools = (await directory.GetSchoolsAsync(matching.Select(r => r.SchoolId), cancellationToken)).ToDictionary(s => s.Id);
        return matching.Where(r => schools.ContainsKey(r.SchoolId)).Select(r => new CatchmentAnswer(schools[r.SchoolId], r)).DistinctBy(a => a.School.Id).ToList();
    }

    /// <summary>The named areas of the map, for the address form's list.</summary>
    public async Task<IReadOnlyList<string>> AreasAsync(CancellationToken cancellationToken) =>
        await db.CatchmentRules.AsNoTracking().Where(r => r.Kind == CatchmentRuleKind.Area).Select(r => r.Name).Distinct().OrderBy(n => n).Take(500).ToListAsync(cancellationToken);
}
