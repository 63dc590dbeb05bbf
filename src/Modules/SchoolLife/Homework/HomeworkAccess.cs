using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Homework;

/// <summary>Finds a log or an entry for a user and an operation; null (answered 404) when it does not exist or is not theirs.</summary>
internal sealed class HomeworkAccess(SchoolLifeDbContext db, IStructureDirectory directory, IAuthorizationService authorization, TenantContext tenant, TimeProvider clock)
{
    public async Task<ClassLog?> LogAsync(ClaimsPrincipal user, Guid classGroupId, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var group = await directory.GetClassGroupAsync(classGroupId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        var log = new ClassLog(group, await IsWritableAsync(group.SchoolYearId, cancellationToken));
        return await authorization.CanAsync(user, log, operation) ? log : null;
    }

    public async Task<EntryResource?> EntryAsync(ClaimsPrincipal user, Guid entryId, OperationAuthorizationRequirement operation, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.HomeworkEntries : db.HomeworkEntries.AsNoTracking();
        var entry = await query.FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return null;
        }

        var resource = new EntryResource(entry, await IsWritableAsync(entry.SchoolYearId, cancellationToken), clock.GetUtcNow().UtcDateTime);
        return await authorization.CanAsync(user, resource, operation) ? resource : null;
    }

    private async Task<bool> IsWritableAsync(Guid schoolYearId, CancellationToken cancellationToken) =>
        HomeworkRules.IsWritable(schoolYearId, tenant.Today(clock), await directory.GetSchoolCalendarAsync(cancellationToken));
}
