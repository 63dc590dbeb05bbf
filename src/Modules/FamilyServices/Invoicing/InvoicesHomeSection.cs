using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Invoicing;

internal sealed record InvoicesSectionModel(bool IsAgent, decimal Balance, int DraftRuns);

/// <summary>
/// Invoices on the home page: a guardian's balance (what their households still owe) with the way to pay;
/// the agent's draft runs waiting to be checked and issued. Two small queries.
/// </summary>
internal sealed class InvoicesHomeSection(FamilyServicesDbContext db, InvoiceQueries queries, FamilyAccess access, HomeScopes scopes) : IHomeSection
{
    public int Order => 21;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.HasAnyProfile(Profile.MunicipalAgent))
        {
            var drafts = await db.InvoiceRuns.CountAsync(r => r.Status == InvoiceRunStatus.Draft, cancellationToken);
            return new HomeSectionView("/Pages/Invoicing/_HomeSection.cshtml", new InvoicesSectionModel(true, 0m, drafts));
        }

        if (!user.HasAnyProfile(Profile.Guardian) || user.AccountId() is not { } accountId)
        {
            return null;
        }

        // The balance is the households' (a separated parent's other household's payments count in it).
        var households = await access.HouseholdsOfGuardianAsync(accountId, cancellationToken);
        scopes.Follow([accountId, .. households]);
        return await queries.BalanceOfHouseholdsAsync(households, cancellationToken) is { } balance
            ? new HomeSectionView("/Pages/Invoicing/_HomeSection.cshtml", new InvoicesSectionModel(false, balance, 0))
            : null;
    }
}
