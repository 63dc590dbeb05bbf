using System.Security.Claims;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Home;

/// <summary>The guardian's children, with their school and class: the first thing a family checks after activation.</summary>
internal sealed class ChildrenSection(IAccountRelations relations, IStructureDirectory directory, HomeScopes scopes) : IHomeSection
{
    public int Order => 10;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Guardian))
        {
            return null;
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        scopes.Follow([actor.AccountId, .. actor.Children.Keys]);
        if (actor.Children.Count == 0)
        {
            return new HomeSectionView("/Pages/Home/_ChildrenSection.cshtml", new ChildrenSectionModel([], new Dictionary<Guid, string>()));
        }

        var children = await directory.GetPupilsAsync(actor.Children.Keys, cancellationToken);
        var schools = await directory.GetSchoolsAsync(children.Where(c => c.SchoolId is not null).Select(c => c.SchoolId!.Value), cancellationToken);
        scopes.Follow([.. schools.Select(s => s.Id), .. children.Where(c => c.ClassId is not null).Select(c => c.ClassId!.Value)]);
        return new HomeSectionView("/Pages/Home/_ChildrenSection.cshtml", new ChildrenSectionModel(children, schools.ToDictionary(s => s.Id, s => s.Name)));
    }
}

internal sealed record ChildrenSectionModel(IReadOnlyList<PupilInfo> Children, IReadOnlyDictionary<Guid, string> SchoolNames);
