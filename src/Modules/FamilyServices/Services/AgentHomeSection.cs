using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Platform.Authorization;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Services;

internal sealed record AgentSectionModel(int Pending, int Waiting, int Documents, int ProposedHouseholds);

/// <summary>The town's agent's "today": what waits to be handled. Four counts on indexed columns.</summary>
internal sealed class AgentHomeSection(FamilyServicesDbContext db) : IHomeSection
{
    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.MunicipalAgent))
        {
            return null;
        }

        var model = new AgentSectionModel(
            await db.Registrations.CountAsync(r => r.Status == RegistrationStatus.Pending, cancellationToken),
            await db.Registrations.CountAsync(r => r.Status == RegistrationStatus.WaitingList, cancellationToken),
            await db.SupportingDocuments.CountAsync(d => d.Status == DocumentStatus.Pending, cancellationToken),
            await db.Households.CountAsync(h => h.Status == HouseholdStatus.Proposed, cancellationToken));
        return new HomeSectionView("/Pages/Services/_AgentSection.cshtml", model);
    }
}
