using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.Identity.Accounts;

/// <summary>Loads an account's relations in one round trip; caches the signed-in user's for the scope.</summary>
internal sealed class AccountRelationsLoader(IdentityDbContext db) : IAccountRelations
{
    /// <summary>
    /// Every signed-in page asks this first: one round trip (UNION ALL of five indexed selects) rather than five,
    /// compiled once (docs/decisions/0017). Rows without a school repeat their id there: a constant Guid would be
    /// typed text by PostgreSQL's union.
    /// </summary>
    private static readonly Func<IdentityDbContext, Guid, IAsyncEnumerable<RelationRow>> Relations = EF.CompileAsyncQuery(
        (IdentityDbContext db, Guid accountId) =>
            (from a in db.Accounts.AsNoTracking()
             where a.Id == accountId && a.IsActive
             select new RelationRow { Kind = RelationKind.Account, Id = a.Id, SchoolId = a.Id, Value = (int)a.Profiles })
            .Concat(from s in db.StaffAssignments.AsNoTracking()
                    where s.AccountId == accountId && s.EndsOn == null
                    select new RelationRow { Kind = RelationKind.SchoolRole, Id = s.SchoolId, SchoolId = s.SchoolId, Value = (int)s.Profile })
            .Concat(from t in db.TeachingAssignments.AsNoTracking()
                    join c in db.ClassGroups on t.ClassGroupId equals c.Id
                    where t.TeacherId == accountId && t.EndsOn == null && c.IsActive
                    select new RelationRow { Kind = RelationKind.TaughtGroup, Id = c.Id, SchoolId = c.SchoolId, Value = 0 })
            .Concat(from e in db.Enrolments.AsNoTracking()
                    join c in db.ClassGroups on e.ClassGroupId equals c.Id
                    where e.PupilId == accountId && e.EndsOn == null && c.IsActive
                    select new RelationRow { Kind = RelationKind.OwnGroup, Id = c.Id, SchoolId = c.SchoolId, Value = 0 })
            .Concat(from l in db.GuardianLinks.AsNoTracking()
                    join p in db.Accounts on l.PupilId equals p.Id
                    where l.GuardianId == accountId && p.IsActive
                    select new RelationRow { Kind = RelationKind.Child, Id = l.PupilId, SchoolId = l.PupilId, Value = l.HasParentalAuthority ? 1 : 0 }));

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
        var rows = await Relations(db, accountId).ToListAsync(cancellationToken);

        if (rows.FirstOrDefault(r => r.Kind == RelationKind.Account) is not { } account)
        {
            return AccountRelations.None;
        }

        var schoolRoles = rows.Where(r => r.Kind == RelationKind.SchoolRole)
            .GroupBy(r => r.Id)
            .ToDictionary(g => g.Key, g => g.Aggregate(Profile.None, (all, r) => all | (Profile)r.Value));
        return new AccountRelations(
            accountId,
            (Profile)account.Value,
            schoolRoles,
            rows.Where(r => r.Kind == RelationKind.TaughtGroup).ToDictionary(r => r.Id, r => r.SchoolId),
            rows.Where(r => r.Kind == RelationKind.OwnGroup).ToDictionary(r => r.Id, r => r.SchoolId),
            rows.Where(r => r.Kind == RelationKind.Child).ToDictionary(r => r.Id, r => r.Value == 1));
    }

    private enum RelationKind
    {
        Account,
        SchoolRole,
        TaughtGroup,
        OwnGroup,
        Child,
    }

    /// <summary>One row of the union: what it is, the id it is about, the school of a group, a profile or parental authority.</summary>
    /// <remarks>Set by initialisers, not a constructor: EF Core translates a union only of member-initialised rows.</remarks>
    private sealed class RelationRow
    {
        public RelationKind Kind { get; init; }

        public Guid Id { get; init; }

        public Guid SchoolId { get; init; }

        public int Value { get; init; }
    }
}
