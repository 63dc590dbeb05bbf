using System.Security.Claims;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;

namespace Preau.FamilyServices.Invoicing;

/// <summary>
/// Who may see an invoice, through the module's resource authorization: the guardians of its household
/// (issued invoices only: a draft is the agent's work) and the town's agents of the territory. Anything else
/// is "not found".
/// </summary>
internal sealed class InvoiceAccess(InvoiceQueries queries, FamilyAccess access)
{
    public async Task<InvoiceStatement?> ReadableAsync(ClaimsPrincipal user, Guid invoiceId, CancellationToken cancellationToken)
    {
        if (await queries.StatementAsync(invoiceId, cancellationToken) is not { } statement
            || (!statement.Invoice.IsIssued && !user.HasAnyProfile(Profile.MunicipalAgent))
            || await access.AuthorizedHouseholdAsync(user, statement.Invoice.HouseholdId, ResourceAuthorization.Read, cancellationToken) is null)
        {
            return null;
        }

        return statement;
    }

    /// <summary>The households whose invoices the guardian reads.</summary>
    public Task<IReadOnlyList<Guid>> HouseholdsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        access.HouseholdsOfGuardianAsync(user.RequiredAccountId(), cancellationToken);
}
