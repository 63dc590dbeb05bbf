using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.Identity.Accounts;

/// <summary>Loads an account's relations with four indexed queries; caches the signed-in user's for the scope.</summary>
internal sealed class AccountRelationsLoader(IdentityDbContext db) : IAccountRelations
{
    private AccountRelations? _current;

    public async Task<AccountRelations> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (user.AccountId() is not { } accountId)
        {
            return AccountRelations.None;
        }

        if (_current?.AccountId == accountId)
        {
            return _current;
        }

        return _current = await ForAccountAsync(accountId, cancellationToken);
    }

    public async Task<AccountRelations> ForAccountAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId && a.IsActive)
            .Select(a => new { a.Profiles })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return AccountRelations.None;
        }

        var schoolRoles = (await db.StaffAssignments.AsNoTracking()
                .Where(s => s.AccountId == accountId && s.EndsOn == null)
                .Select(s => new { s.SchoolId, s.Profile })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.SchoolId)
            .ToDictionary(g => g.Key, g => g.Aggregate(Profile.None, (all, s) => all | s.Profile));

        var taught = await (from t in db.TeachingAssignments.AsNoTracking()
                            join c in db.ClassGroups on t.ClassGroupId equals c.Id
                            where t.TeacherId == accountId && t.EndsOn == null && c.IsActive
                            select new { c.Id, c.SchoolId })
            .ToDictionaryAsync(x => x.Id, x => x.SchoolId, cancellationToken);

        var own = await (from e in db.Enrolments.AsNoTracking()
                         join c in db.ClassGroups on e.ClassGroupId equals c.Id
                         where e.PupilId == accountId && e.EndsOn == null && c.IsActive
                         select new { c.Id, c.SchoolId })
            .ToDictionaryAsync(x => x.Id, x => x.SchoolId, cancellationToken);

        var children = await (from l in db.GuardianLinks.AsNoTracking()
                              join p in db.Accounts on l.PupilId equals p.Id
                              where l.GuardianId == accountId && p.IsActive
                              select new { l.PupilId, l.HasParentalAuthority })
            .ToDictionaryAsync(x => x.PupilId, x => x.HasParentalAuthority, cancellationToken);

        return new AccountRelations(accountId, account.Profiles, schoolRoles, taught, own, children);
    }
}
