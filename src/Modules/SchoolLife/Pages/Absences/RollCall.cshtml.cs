using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Common;

namespace Preau.SchoolLife.Pages.Absences;

/// <summary>
/// The roll call of a session on a phone: /appel?classe={id}&amp;date=yyyy-MM-dd&amp;debut=HH:mm. Everyone
/// is present by default; one tap marks absent or late. A plain form (works without JavaScript); a small
/// script shows the minutes field only for late pupils and keeps a count.
/// </summary>
[Authorize(Policy = SchoolLifePermissions.TakeRollCall)]
internal sealed class RollCallModel(TakeRollCall rollCalls, IAccountRelations relations, IStructureDirectory directory, TenantContext tenant, IStringLocalizer localizer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "classe")]
    public Guid? ClassGroupId { get; set; }

    [BindProperty(SupportsGet = true, Name = "date")]
    public string? DateText { get; set; }

    [BindProperty(SupportsGet = true, Name = "debut")]
    public string? StartText { get; set; }

    [BindProperty]
    public Dictionary<Guid, Presence> Presence { get; set; } = [];

    [BindProperty]
    public Dictionary<Guid, int?> Minutes { get; set; } = [];

    [BindProperty]
    public int? Version { get; set; }

    public RollCallSheet? Sheet { get; private set; }

    /// <summary>The groups the user may call, for the chooser shown without parameters.</summary>
    public IReadOnlyList<ClassGroupInfo> Groups { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = tenant.Today(clock);
        if (ClassGroupId is null)
        {
            await LoadGroupsAsync(cancellationToken);
            return Page();
        }

        if (!TryReadSession(out var date, out var start))
        {
            await LoadGroupsAsync(cancellationToken);
            return Page();
        }

        var sheet = await rollCalls.SheetAsync(User, ClassGroupId.Value, date, start, cancellationToken);
        if (sheet.IsNotFound)
        {
            return NotFound();
        }

        Sheet = sheet.Value;
        Version = Sheet!.Saved?.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Today = tenant.Today(clock);
        if (ClassGroupId is not { } groupId || !TryReadSession(out var date, out var start))
        {
            await LoadGroupsAsync(cancellationToken);
            return Page();
        }

        var lines = Presence.Select(p => new PresenceLine(p.Key, p.Value, Minutes.GetValueOrDefault(p.Key))).ToList();
        var outcome = await rollCalls.HandleAsync(User, new TakeRollCallRequest(groupId, date, start, lines, Version), cancellationToken);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            outcome.AddTo(ModelState);
            var sheet = await rollCalls.SheetAsync(User, groupId, date, start, cancellationToken);
            if (sheet.Value is null)
            {
                return NotFound();
            }

            // Redisplay what the teacher ticked, on the latest version of the roll call.
            Sheet = sheet.Value with
            {
                Lines = sheet.Value.Lines.Select(l => Presence.TryGetValue(l.Pupil.Id, out var chosen) ? l with { Presence = chosen, LateMinutes = Minutes.GetValueOrDefault(l.Pupil.Id) } : l).ToList(),
            };
            ModelState.Remove(nameof(Version));
            Version = Sheet.Saved?.Version;
            return Page();
        }

        var absent = lines.Count(l => l.Presence == SchoolLife.Absences.Presence.Absent);
        var late = lines.Count(l => l.Presence == SchoolLife.Absences.Presence.Late);
        this.Flash(localizer["Appel enregistré : {0} absent(s), {1} retard(s).", absent, late]);
        return Redirect($"/appel?classe={groupId}&date={date:yyyy-MM-dd}&debut={start:HH\\:mm}");
    }

    private bool TryReadSession(out DateOnly date, out TimeOnly start)
    {
        start = default;
        var ok = true;
        if (!DateOnly.TryParseExact(DateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            ModelState.AddModelError("date", localizer["Indiquez la date de la séance (aaaa-mm-jj)."]);
            ok = false;
        }

        if (!TimeOnly.TryParseExact(StartText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            ModelState.AddModelError("debut", localizer["Indiquez l’heure de début de la séance (hh:mm)."]);
            ok = false;
        }

        return ok;
    }

    private async Task LoadGroupsAsync(CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(User, cancellationToken);
        var groups = new List<ClassGroupInfo>(await directory.GetClassGroupsAsync(actor.TaughtGroups.Keys, cancellationToken));
        foreach (var school in actor.SchoolRoles.Where(r => (r.Value & Platform.Authorization.Profile.Head) != 0).Select(r => r.Key))
        {
            groups.AddRange(await directory.ListClassGroupsOfSchoolAsync(school, cancellationToken));
        }

        Groups = groups.DistinctBy(g => g.Id).OrderBy(g => g.Name).ToList();
    }
}
