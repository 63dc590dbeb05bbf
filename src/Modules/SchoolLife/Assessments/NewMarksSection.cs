using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Assessments;

/// <summary>A mark published in the last days.</summary>
internal sealed record NewMark(Guid PupilId, Guid SchoolId, string Subject, string Title, MarkStatus Status, decimal? Value, decimal Scale, DateTime PublishedAt);

/// <summary>The section's model: the marks and the pupils' first names (several children for a guardian).</summary>
internal sealed record NewMarks(IReadOnlyList<NewMark> Marks, IReadOnlyDictionary<Guid, string> Names);

/// <summary>
/// "New marks" on the home of a pupil or a guardian: marks of assessments published in the last seven
/// days in the pupils' classes and groups. One query from the week's assessments of those groups (index:
/// group, publication) to their marks, not from every mark of the year to its assessment; the groups and
/// names come from the directory's answers for the request, which the other sections asked already.
/// </summary>
internal sealed class NewMarksSection(SchoolLifeDbContext db, IAccountRelations relations, IStructureDirectory directory, SchoolLifeSettingsStore settings, HomeScopes scopes, TimeProvider clock) : IHomeSection
{
    public static readonly TimeSpan Recent = TimeSpan.FromDays(7);

    public int Order => 23;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.Guardian | Profile.Pupil))
        {
            return null;
        }

        var actor = await relations.ForUserAsync(user, cancellationToken);
        var pupils = actor.Children.Keys.ToList();
        if (user.HasAnyProfile(Profile.Pupil))
        {
            pupils.Add(actor.AccountId);
        }

        if (pupils.Count == 0)
        {
            return null;
        }

        var since = clock.GetUtcNow().UtcDateTime - Recent;
        var groups = (await directory.ListGroupsOfPupilsAsync(pupils, cancellationToken)).Select(g => g.ClassGroupId).Distinct().ToList();
        var marks = groups.Count == 0 ? [] : await Recent10(db, groups, since, pupils).ToListAsync(cancellationToken);
        scopes.Follow([actor.AccountId, .. pupils, .. groups, .. marks.Select(m => m.SchoolId)]);
        if (marks.Count > 0 && actor.Children.Any(c => !c.Value))
        {
            var schoolSettings = await settings.GetManyAsync(marks.Select(m => m.SchoolId), cancellationToken);
            marks = marks.Where(m => m.PupilId == actor.AccountId || Visibility.GuardianSees(actor, m.PupilId, schoolSettings[m.SchoolId], SchoolLifeArea.Assessments)).ToList();
        }

        if (marks.Count == 0)
        {
            return null;
        }

        var names = pupils.Count == 1 ? new Dictionary<Guid, string>() : (await directory.GetPupilsAsync(actor.Children.Keys, cancellationToken)).ToDictionary(p => p.Id, p => p.FirstName);
        return new HomeSectionView("/Pages/Assessments/_HomeSection.cshtml", new NewMarks(marks, names));
    }

    // Compiled once, like the home page's other questions (decision 0017).
    private static readonly Func<SchoolLifeDbContext, List<Guid>, DateTime, List<Guid>, IAsyncEnumerable<NewMark>> Recent10 = EF.CompileAsyncQuery(
        (SchoolLifeDbContext db, List<Guid> groups, DateTime since, List<Guid> pupils) =>
            (from a in db.Assessments.AsNoTracking()
             join m in db.Marks.AsNoTracking() on a.Id equals m.AssessmentId
             where groups.Contains(a.ClassGroupId) && a.PublishedAt >= since && pupils.Contains(m.PupilId)
             orderby a.PublishedAt descending
             select new NewMark(m.PupilId, a.SchoolId, a.Subject, a.Title, m.Status, m.Value, a.Scale, a.PublishedAt!.Value))
            .Take(10));
}
