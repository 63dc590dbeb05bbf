using Microsoft.EntityFrameworkCore;
using Preau.Identity.Classes;
using Preau.Identity.Data;

namespace Preau.Identity.Accounts;

/// <summary>Finds the schools an account is linked to: the relation a head's rights over it depend on.</summary>
internal sealed class ManagedAccounts(IdentityDbContext db, Microsoft.AspNetCore.Identity.ILookupNormalizer normalizer)
{
    /// <summary>The account of the territory with this login (as typed on a form), with its schools; null when there is none.</summary>
    public async Task<ManagedAccount?> FindByLoginAsync(string login, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeName(login.Trim());
        var id = await db.Accounts.AsNoTracking().Where(a => a.NormalizedUserName == normalized).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await FindAsync(found, cancellationToken) : null;
    }

    public async Task<ManagedAccount?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Id, a.Profiles }).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var schools = await SchoolsOf(accountId).Distinct().ToListAsync(cancellationToken);
        return new ManagedAccount(account.Id, account.Profiles, schools.ToHashSet());
    }

    /// <summary>Accounts linked to one of the schools: staff, pupils of its classes, guardians of those pupils.</summary>
    public IQueryable<Account> LinkedTo(IReadOnlyCollection<Guid> schoolIds)
    {
        var staff = db.StaffAssignments.Where(s => schoolIds.Contains(s.SchoolId)).Select(s => s.AccountId);
        var pupils = from e in db.Enrolments
                     join c in db.ClassGroups on e.ClassGroupId equals c.Id
                     where schoolIds.Contains(c.SchoolId)
                     select e.PupilId;
        var guardians = db.GuardianLinks.Where(l => pupils.Contains(l.PupilId)).Select(l => l.GuardianId);
        return db.Accounts.Where(a => staff.Contains(a.Id) || pupils.Contains(a.Id) || guardians.Contains(a.Id));
    }

    private IQueryable<Guid> SchoolsOf(Guid accountId)
    {
        var asStaff = db.StaffAssignments.Where(s => s.AccountId == accountId).Select(s => s.SchoolId);
        var asPupil = from e in db.Enrolments
                      join c in db.ClassGroups on e.ClassGroupId equals c.Id
                      where e.PupilId == accountId
                      select c.SchoolId;
        var asGuardian = from l in db.GuardianLinks
                         join e in db.Enrolments on l.PupilId equals e.PupilId
                         join c in db.ClassGroups on e.ClassGroupId equals c.Id
                         where l.GuardianId == accountId
                         select c.SchoolId;
        var asTeacher = from t in db.TeachingAssignments
                        join c in db.ClassGroups on t.ClassGroupId equals c.Id
                        where t.TeacherId == accountId
                        select c.SchoolId;
        return asStaff.Concat(asPupil).Concat(asGuardian).Concat(asTeacher);
    }
}
