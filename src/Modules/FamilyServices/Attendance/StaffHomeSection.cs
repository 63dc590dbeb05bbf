using System.Security.Claims;
using Preau.FamilyServices.Reservations;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Attendance;

internal sealed record StaffSectionModel(DateOnly Day, IReadOnlyList<ServiceNumbers> Services);

/// <summary>The after-school staff's "today": the services of their schools running today, to open the sheet.</summary>
internal sealed class StaffHomeSection(ExpectedNumbers numbers, StaffSchools schools, TenantContext tenant, TimeProvider clock) : IHomeSection
{
    public int Order => 20;

    public async Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.HasAnyProfile(Profile.AfterSchoolStaff))
        {
            return null;
        }

        var today = tenant.Today(clock);
        var mine = await schools.OfAsync(user, Profile.AfterSchoolStaff, cancellationToken);
        var services = mine.Count == 0 ? [] : await numbers.LoadAsync(today, mine, cancellationToken);
        return new HomeSectionView("/Pages/Attendance/_StaffSection.cshtml", new StaffSectionModel(today, services));
    }
}
