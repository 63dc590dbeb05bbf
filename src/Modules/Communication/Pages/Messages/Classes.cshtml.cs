using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Data;
using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Messages;

/// <summary>
/// A teacher opens (or closes) messaging between the pupils of a class they teach: closed by default,
/// as the rules want for minors (issue 4, item 2).
/// </summary>
[Authorize(Policy = CommunicationPermissions.UseMessaging)]
internal sealed class ClassesModel(CommunicationDbContext db, IAccountRelations relations, IStructureDirectory directory, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(ClassGroupInfo Class, bool Open)> Classes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        if (actor.TaughtGroups.Count == 0)
        {
            return NotFound();
        }

        var groups = await directory.GetClassGroupsAsync(actor.TaughtGroups.Keys, cancellationToken);
        var ids = groups.Select(g => g.Id).ToList();
        var open = (await db.ClassMessagingOptions.AsNoTracking().Where(o => ids.Contains(o.ClassGroupId) && o.PupilsMayWriteToClass).Select(o => o.ClassGroupId).ToListAsync(cancellationToken)).ToHashSet();
        Classes = groups.Select(g => (g, open.Contains(g.Id))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid classId, bool open, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        if (!actor.Teaches(classId))
        {
            return NotFound();
        }

        var option = await db.ClassMessagingOptions.FirstOrDefaultAsync(o => o.ClassGroupId == classId, cancellationToken);
        if (option is null)
        {
            option = new ClassMessagingOption { ClassGroupId = classId };
            db.ClassMessagingOptions.Add(option);
        }

        option.PupilsMayWriteToClass = open;
        option.ChangedById = actor.AccountId;
        option.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(open ? localizer["Les élèves de cette classe peuvent désormais s’écrire."] : localizer["Les élèves de cette classe ne peuvent plus s’écrire."]);
        return RedirectToPage();
    }
}
