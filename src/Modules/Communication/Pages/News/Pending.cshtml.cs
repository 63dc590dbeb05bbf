using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.News;

/// <summary>The head's approval queue, and the school's choice to approve teachers' school news or not.</summary>
[Authorize(Policy = CommunicationPermissions.ApproveNews)]
internal sealed class PendingModel(CommunicationDbContext db, ListNews list, Readership readership, IStructureDirectory directory, IStringLocalizer localizer) : PageModel
{
    public IReadOnlyList<NewsSummary> Pending { get; private set; } = [];

    public IReadOnlyList<(SchoolInfo School, bool NeedsApproval)> Schools { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(User, cancellationToken);
        Pending = await list.PendingForHeadAsync(reader, cancellationToken);
        var headed = await directory.GetSchoolsAsync(reader.Relations.SchoolRoles.Keys.Where(reader.Heads), cancellationToken);
        var ids = headed.Select(s => s.Id).ToList();
        var settings = await db.SchoolPublishingSettings.AsNoTracking().Where(s => ids.Contains(s.SchoolId)).ToDictionaryAsync(s => s.SchoolId, s => s.NewsNeedApproval, cancellationToken);
        Schools = headed.Select(s => (s, settings.GetValueOrDefault(s.Id, true))).ToList();
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid schoolId, bool needsApproval, CancellationToken cancellationToken)
    {
        var reader = await readership.ForUserAsync(User, cancellationToken);
        if (!reader.Heads(schoolId))
        {
            return NotFound();
        }

        var settings = await db.SchoolPublishingSettings.FirstOrDefaultAsync(s => s.SchoolId == schoolId, cancellationToken)
            ?? db.SchoolPublishingSettings.Add(new SchoolPublishingSettings { SchoolId = schoolId }).Entity;
        settings.NewsNeedApproval = needsApproval;
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(needsApproval
            ? localizer["Les actualités d’école des enseignants seront validées avant publication."]
            : localizer["Les actualités d’école des enseignants seront publiées sans validation."]);
        return RedirectToPage();
    }
}
