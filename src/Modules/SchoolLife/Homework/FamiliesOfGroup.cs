using Preau.Identity.Contracts;

namespace Preau.SchoolLife.Homework;

/// <summary>Who hears about a class's homework or timetable: its pupils and their guardians.</summary>
internal sealed class FamiliesOfGroup(IStructureDirectory directory)
{
    /// <summary>
    /// The pupils of the group and their guardians: those with parental authority, and those without it
    /// when the school lets them follow (<paramref name="guardiansWithoutAuthorityFollow"/>).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> RecipientsAsync(Guid classGroupId, bool guardiansWithoutAuthorityFollow, CancellationToken cancellationToken)
    {
        var pupils = await directory.ListPupilsOfGroupAsync(classGroupId, cancellationToken);
        var guardians = await directory.ListGuardiansOfPupilsAsync(pupils.Select(p => p.Id), cancellationToken);
        return pupils.Select(p => p.Id)
            .Concat(guardians.Where(g => g.HasParentalAuthority || guardiansWithoutAuthorityFollow).Select(g => g.GuardianId))
            .Distinct()
            .ToList();
    }
}
