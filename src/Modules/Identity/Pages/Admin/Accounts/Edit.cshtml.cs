using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Accounts;

/// <summary>A person's details and profiles; profiles only within what the editor may give, and never their own.</summary>
[Authorize(Policy = IdentityPermissions.ManageAccounts)]
internal sealed class EditModel(
    IdentityDbContext db, UpdateAccount update, ManagedAccounts managed, IAccountRelations relations, IAuthorizationService authorization, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EditAccountForm Input { get; set; } = new();

    public string Login { get; private set; } = string.Empty;

    /// <summary>The profiles this editor may switch on or off for this account (none for their own account).</summary>
    public Profile Editable { get; private set; }

    public Profile Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } account)
        {
            return NotFound();
        }

        Input = new EditAccountForm
        {
            FirstName = account.FirstName, LastName = account.LastName, Email = account.Email, PhoneNumber = account.PhoneNumber,
            BirthDate = account.BirthDate, Profiles = Profiles.All.Where(p => (account.Profiles & p) != Profile.None).ToList(),
            ConcurrencyStamp = account.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Profiles outside what the editor may give keep their current value: nobody changes them from here.
        var asked = (Input.Profiles ?? []).Aggregate(Profile.None, (all, p) => all | p);
        var profiles = (Current & ~Editable) | (asked & Editable);
        var result = await update.RunAsync(User.RequiredAccountId(), Id,
            Input.ToInput(),
            profiles, Input.ConcurrencyStamp ?? string.Empty, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, localizer);
            if (result.Errors.Any(e => e.Message == UpdateAccount.ConcurrentChange))
            {
                // The next save applies what was typed over the other person's change, knowingly.
                ModelState.Remove("Input.ConcurrencyStamp");
                Input.ConcurrencyStamp = await db.Accounts.Where(a => a.Id == Id).Select(a => a.ConcurrencyStamp).FirstAsync(cancellationToken);
            }

            return Page();
        }

        this.Flash(localizer["La fiche est enregistrée."]);
        return Redirect($"/administration/comptes/{Id}");
    }

    private async Task<Account?> LoadAsync(CancellationToken cancellationToken)
    {
        var target = await managed.FindAsync(Id, cancellationToken);
        if (target is null || !await authorization.CanAsync(User, target, ResourceAuthorization.Manage))
        {
            return null;
        }

        var account = await db.Accounts.AsNoTracking().FirstAsync(a => a.Id == Id, cancellationToken);
        Login = account.UserName!;
        Current = account.Profiles;
        Editable = await authorization.CanAsync(User, target, AccountOperations.ChangeRights)
            ? IdentityAuthorizationHandler.GrantableBy(await relations.ForUserAsync(User, cancellationToken))
            : Profile.None;
        return account;
    }
}

internal sealed class EditAccountForm : PersonForm
{
    public List<Profile>? Profiles { get; set; }

    public string? ConcurrencyStamp { get; set; }
}
