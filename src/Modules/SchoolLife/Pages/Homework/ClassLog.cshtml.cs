using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Web;
using Preau.SchoolLife.Homework;

namespace Preau.SchoolLife.Pages.Homework;

/// <summary>
/// A class's homework log as the staff see it: every session, scheduled ones included, with how many
/// pupils did the work. Its teachers (and the head) add sessions; the others read.
/// </summary>
[Authorize(Policy = SchoolLifePermissions.ReadHomework)]
internal sealed class ClassLogModel(HomeworkAccess access, ListHomeworkForClass list, IAuthorizationService authorization, IStructureDirectory directory, TimeProvider clock) : PageModel
{
    public ClassLog Log { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public PageOf<LogLine> Lines { get; private set; } = new([], 1, ListHomeworkForClass.PageSize, 0);

    public int PupilCount { get; private set; }

    public IReadOnlyDictionary<Guid, string> Authors { get; private set; } = new Dictionary<Guid, string>();

    public DateTime Now { get; private set; }

    public Guid ReaderId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid classGroupId, int page = 1, CancellationToken cancellationToken = default)
    {
        if (await access.LogAsync(User, classGroupId, ResourceAuthorization.Read, cancellationToken) is not { } log)
        {
            return NotFound();
        }

        Log = log;
        CanWrite = await authorization.CanAsync(User, log, ResourceAuthorization.Manage);
        Lines = await list.RunAsync(classGroupId, page, cancellationToken);
        PupilCount = (await directory.ListPupilsOfGroupAsync(classGroupId, cancellationToken)).Count;
        var authorIds = Lines.Items.Select(l => l.AuthorId).OfType<Guid>().Distinct().ToList();
        Authors = authorIds.Count == 0 ? new Dictionary<Guid, string>() : (await directory.GetPeopleAsync(authorIds, cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        Now = clock.GetUtcNow().UtcDateTime;
        ReaderId = User.RequiredAccountId();
        return Page();
    }
}
