using Preau.Identity.Contracts;

namespace Preau.Communication.Publishing;

/// <summary>Where something is published from or for: a class, a school, or the town (the whole territory).</summary>
/// <param name="Key">"class:{id}", "school:{id}" or "town", the value of the forms' select.</param>
/// <param name="Label">French label.</param>
/// <param name="SchoolId">The school, for a class or a school.</param>
/// <param name="ClassGroupId">The class, for a class.</param>
internal sealed record Target(string Key, string Label, Guid? SchoolId, Guid? ClassGroupId)
{
    public const string Town = "town";

    public static string KeyOf(Guid? schoolId, Guid? classGroupId) =>
        classGroupId is { } c ? $"class:{c}" : schoolId is { } s ? $"school:{s}" : Town;
}

/// <summary>The rules a capability applies to say who may publish where.</summary>
/// <param name="ForClass">Whether the reader may publish for this class (class id, school id).</param>
/// <param name="ForSchool">Whether the reader may publish for this school.</param>
/// <param name="ForTown">Whether the reader may publish for the territory.</param>
internal sealed record TargetRules(Func<Reader, Guid, Guid, bool> ForClass, Func<Reader, Guid, bool> ForSchool, Func<Reader, bool> ForTown);

/// <summary>The targets a reader may publish for: the forms' choices, and the check of what is posted.</summary>
internal sealed class Targets(IStructureDirectory directory)
{
    public async Task<IReadOnlyList<Target>> ForAsync(Reader reader, TargetRules rules, CancellationToken cancellationToken)
    {
        var targets = new List<Target>();
        if (!reader.IsSignedIn)
        {
            return targets;
        }

        var schools = await directory.GetSchoolsAsync(reader.StaffSchoolIds, cancellationToken);
        var classIds = reader.Relations.TaughtGroups.Keys.ToHashSet();
        foreach (var school in schools.Where(s => reader.Heads(s.Id)))
        {
            classIds.UnionWith((await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken)).Select(c => c.Id));
        }

        var classes = await directory.GetClassGroupsAsync(classIds, cancellationToken);
        var schoolNames = schools.ToDictionary(s => s.Id, s => s.Name);
        foreach (var group in classes.Where(c => rules.ForClass(reader, c.Id, c.SchoolId)))
        {
            targets.Add(new Target(Target.KeyOf(group.SchoolId, group.Id), $"{group.Name} – {schoolNames.GetValueOrDefault(group.SchoolId)}", group.SchoolId, group.Id));
        }

        foreach (var school in schools.Where(s => rules.ForSchool(reader, s.Id)))
        {
            targets.Add(new Target(Target.KeyOf(school.Id, null), school.Name, school.Id, null));
        }

        if (rules.ForTown(reader))
        {
            targets.Add(new Target(Target.Town, Platform.Localization.Text.Fr("La ville (tout le territoire)"), null, null));
        }

        return targets;
    }
}
