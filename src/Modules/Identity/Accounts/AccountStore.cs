using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Data;

namespace Preau.Identity.Accounts;

/// <summary>
/// ASP.NET Core Identity's store over the module's context. Look-ups by id, login and e-mail ignore
/// the territory filter on purpose: sign-in, password reset and cookie validation happen before a
/// territory is known, and logins are unique across the installation. Everything else stays scoped.
/// </summary>
internal sealed class AccountStore(IdentityDbContext context, IdentityErrorDescriber describer)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.UserOnlyStore<Account, IdentityDbContext, Guid>(context, describer)
{
    public override Task<Account?> FindByIdAsync(string userId, CancellationToken cancellationToken = default) =>
        Guid.TryParse(userId, out var id)
            ? Context.Accounts.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            : Task.FromResult<Account?>(null);

    public override Task<Account?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        Context.Accounts.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.NormalizedUserName == normalizedUserName, cancellationToken);

    /// <summary>E-mails are not unique (two guardians may share one): the first active account wins here.</summary>
    public override Task<Account?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        Context.Accounts.IgnoreQueryFilters().Where(a => a.NormalizedEmail == normalizedEmail && a.IsActive)
            .OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    protected override Task<Account?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        Context.Accounts.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == userId, cancellationToken);
}

/// <summary>Only active accounts whose holder chose a password may sign in.</summary>
internal sealed class AccountSignInManager(
    UserManager<Account> userManager,
    Microsoft.AspNetCore.Http.IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Account> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    Microsoft.Extensions.Logging.ILogger<SignInManager<Account>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Account> confirmation)
    : SignInManager<Account>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Account user) =>
        user.IsActive && user.IsActivated && await base.CanSignInAsync(user);
}
