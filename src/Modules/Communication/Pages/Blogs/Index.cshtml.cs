using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Communication.Blogs;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;

namespace Preau.Communication.Pages.Blogs;

/// <summary>The class blogs a reader may open: their classes', and their children's once opened to families.</summary>
[Authorize(Policy = CommunicationPermissions.UseBlogs)]
internal sealed class IndexModel(CommunicationDbContext db, Readership readership, IStructureDirectory directory) : PageModel
{
    public IReadOnlyList<(ClassGroupInfo Class, string School, bool IsMine)> Blogs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(User, cancellationToken);
        var classIds = reader.ClassIds.ToList();
        var settings = await db.ClassBlogs.AsNoTracking().Where(b => classIds.Contains(b.ClassGroupId))
            .ToDictionaryAsync(b => b.ClassGroupId, b => b.Visibility, cancellationToken);
        var classes = await directory.GetClassGroupsAsync(classIds, cancellationToken);
        var schools = (await directory.GetSchoolsAsync(classes.Select(c => c.SchoolId), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        Blogs = classes
            .Where(c => BlogRights.CanRead(reader, c.Id, c.SchoolId, settings.GetValueOrDefault(c.Id, BlogVisibility.Class)))
            .Select(c => (c, schools.GetValueOrDefault(c.SchoolId) ?? string.Empty, BlogRights.IsMember(reader, c.Id)))
            .ToList();
    }
}
