using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.LiaisonNotebook;

namespace Preau.SchoolLife.Pages.LiaisonNotebook;

/// <summary>
/// The signed link of the notification e-mail: without signing in, the guardian confirms they read the
/// note. The page asks for one click (a POST) rather than acknowledging on GET, so that a mail scanner
/// that opens links does not acknowledge in the family's place; the token opens this note for this
/// guardian only, and expires (<see cref="AcknowledgementLinks"/>).
/// </summary>
[AllowAnonymous]
internal sealed class AcknowledgeByLinkModel(AcknowledgementLinks links, TenantContext tenant, ReadNotes notes, AcknowledgeNote acknowledge) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    public LiaisonNote? Note { get; private set; }

    public Acknowledgement? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is not { } grant)
        {
            return Invalid();
        }

        var rows = await notes.RowsOfGuardianAsync(grant.NoteId, grant.GuardianId, cancellationToken);
        if (rows.Count > 0 && rows.All(r => r.AcknowledgedAt is not null))
        {
            Done = new Acknowledgement(rows.Min(r => r.AcknowledgedAt!.Value), WasAlreadyAcknowledged: true);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(cancellationToken) is not { } grant)
        {
            return Invalid();
        }

        var outcome = await acknowledge.HandleAsync(grant.NoteId, grant.GuardianId, byEmailLink: true, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Invalid();
        }

        Done = outcome.Value;
        return Page();
    }

    private async Task<AcknowledgementGrant?> OpenAsync(CancellationToken cancellationToken)
    {
        var grant = links.Read(Token);
        if (grant is null || (tenant.TerritoryId is { } current && current != grant.TerritoryId))
        {
            return null;
        }

        tenant.Enter(grant.TerritoryId);
        Note = await notes.FindAsync(grant.NoteId, cancellationToken);
        return Note is null || !Note.RequiresAcknowledgement ? null : grant;
    }

    private PageResult Invalid()
    {
        Note = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
