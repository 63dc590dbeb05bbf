using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Pages.Absences;

/// <summary>A child's (or the pupil's own) absences and late arrivals, with what is left to justify; staff are sent to their tools.</summary>
[Authorize(Policy = SchoolLifePermissions.ReadAbsences)]
internal sealed class IndexModel(ReadAbsences absences, PupilRecordsLoader loader, IAccountRelations relations, IStructureDirectory directory, IAuthorizationService authorization, TenantContext tenant, TimeProvider clock) : PageModel
{
    /// <summary>The pupils whose absences the reader follows as family (their children, or themselves).</summary>
    public IReadOnlyList<PupilInfo> Pupils { get; private set; } = [];

    public PupilInfo? Pupil { get; private set; }

    public PageOf<Absence>? Absences { get; private set; }

    public IReadOnlyList<AbsenceNotice> Notices { get; private set; } = [];

    public bool IsGuardian { get; private set; }

    public bool IsStaff { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "eleve")] Guid? pupilId, [FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        IsGuardian = actor.Children.Count > 0;
        IsStaff = User.HasAnyProfile(Profile.Teacher | Profile.Head | Profile.SchoolLifeStaff);
        var ids = actor.Children.Keys.ToList();
        if (User.HasAnyProfile(Profile.Pupil))
        {
            ids.Add(actor.AccountId);
        }

        Pupils = await directory.GetPupilsAsync(ids, cancellationToken);
        var chosen = pupilId ?? (Pupils.Count > 0 ? Pupils[0].Id : null);
        if (chosen is not { } id)
        {
            return Page();
        }

        // A pupil named in the address is read only if the reader may: a teacher or school-life staff too.
        if (await loader.LoadAsync(id, SchoolLifeArea.Absences, cancellationToken) is not { } loaded
            || !await authorization.CanAsync(User, loaded.Records, ResourceAuthorization.Read))
        {
            return NotFound();
        }

        Pupil = loaded.Pupil;
        Absences = await absences.OfPupilAsync(id, page, cancellationToken);
        Notices = await absences.UpcomingNoticesAsync([id], tenant.Today(clock), cancellationToken);
        return Page();
    }
}
