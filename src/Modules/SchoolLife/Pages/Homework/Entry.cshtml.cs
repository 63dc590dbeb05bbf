using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;

namespace Preau.SchoolLife.Pages.Homework;

/// <summary>
/// One session of a log, for anyone who reads it (the link of its notification): its content, its
/// documents and its work; the pupil's own "done" mark or the children's, the count for the staff.
/// </summary>
[Authorize(Policy = SchoolLifePermissions.ReadHomework)]
internal sealed class EntryModel(
    HomeworkAccess access,
    IAuthorizationService authorization,
    IAccountRelations relations,
    IStructureDirectory directory,
    SchoolLifeDbContext db) : PageModel
{
    public HomeworkEntry Entry { get; private set; } = null!;

    public string GroupName { get; private set; } = string.Empty;

    public string? AuthorName { get; private set; }

    public IReadOnlyList<HomeworkAttachment> Files { get; private set; } = [];

    public bool IsStaff { get; private set; }

    public bool CanChange { get; private set; }

    public bool IsPublished { get; private set; }

    public int DoneCount { get; private set; }

    public int PupilCount { get; private set; }

    /// <summary>The pupils the reader follows in this class (the reader themself, or children), and whether each did the work.</summary>
    public IReadOnlyList<(PupilInfo Pupil, bool Done)> Followed { get; private set; } = [];

    public Guid ReaderId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await access.EntryAsync(User, id, ResourceAuthorization.Read, tracked: false, cancellationToken) is not { } resource)
        {
            return NotFound();
        }

        Entry = resource.Entry;
        IsPublished = Entry.IsPublished(resource.Now);
        ReaderId = User.RequiredAccountId();
        CanChange = await authorization.CanAsync(User, resource, ResourceAuthorization.Manage);
        var actor = await relations.ForUserAsync(User, cancellationToken);
        IsStaff = HomeworkAuthorizationHandler.StaffReads(actor, Entry.SchoolId, Entry.ClassGroupId);
        GroupName = (await directory.GetClassGroupAsync(Entry.ClassGroupId, cancellationToken))?.Name ?? string.Empty;
        AuthorName = Entry.AuthorId is { } author && await directory.GetPeopleAsync([author], cancellationToken) is [var person, ..] ? person.DisplayName : null;
        Files = await db.HomeworkAttachments.AsNoTracking().Where(a => a.EntryId == id).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        if (IsStaff && Entry.HasWork)
        {
            DoneCount = await db.HomeworkDone.CountAsync(d => d.EntryId == id, cancellationToken);
            PupilCount = (await directory.ListPupilsOfGroupAsync(Entry.ClassGroupId, cancellationToken)).Count;
        }

        var candidates = actor.Children.Keys.Append(actor.AccountId).ToList();
        var inGroup = (await directory.ListGroupsOfPupilsAsync(candidates, cancellationToken))
            .Where(g => g.ClassGroupId == Entry.ClassGroupId).Select(g => g.PupilId).ToList();
        if (inGroup.Count > 0 && Entry.HasWork)
        {
            var done = await db.HomeworkDone.AsNoTracking().Where(d => d.EntryId == id && inGroup.Contains(d.PupilId)).Select(d => d.PupilId).ToListAsync(cancellationToken);
            Followed = (await directory.GetPupilsAsync(inGroup, cancellationToken)).Select(p => (p, done.Contains(p.Id))).ToList();
        }

        return Page();
    }
}
