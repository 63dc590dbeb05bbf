using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Accounts;
using Preau.Identity.Classes;
using Preau.Identity.Data;

namespace Preau.Identity.Imports;

/// <summary>
/// Writes a <see cref="RosterPlan"/> in the caller's transaction, set-based: new rows in bulk
/// (<see cref="RowInserter"/>), ends and deactivations as UPDATEs over batches of ids, the few changed
/// rows loaded, changed and saved in batches. Never a query per line of the file.
/// </summary>
internal sealed class RosterWriter(IdentityDbContext db, ILookupNormalizer normalizer, TimeProvider clock)
{
    private const int IdBatch = 1_000;

    public async Task WriteAsync(Roster roster, RosterPlan plan, Guid territoryId, ImportProgress progress, Action<string, TimeSpan> timed, CancellationToken cancellationToken)
    {
        progress.Restart(plan.WriteCount);
        var inserter = new RowInserter(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        async Task Step(string name, Func<Task> write)
        {
            var start = Stopwatch.GetTimestamp();
            await write();
            timed(name, Stopwatch.GetElapsedTime(start));
        }

        await Step("établissements et années", async () =>
        {
            await inserter.InsertAsync(plan.NewSchools, progress.Advance, cancellationToken);
            await inserter.InsertAsync(plan.NewYears, progress.Advance, cancellationToken);
            await UpdateAsync(db.Schools, plan.SchoolChanges, c => c.Id, (school, change) =>
            {
                school.Name = change.Name ?? school.Name;
                school.SourcedId = change.SourcedId ?? school.SourcedId;
                school.IsActive = school.IsActive || change.Reactivate;
            }, progress, cancellationToken);
            await ForEachBatchAsync(plan.SchoolsToDeactivate, ids => db.Schools.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false), cancellationToken), progress);
        });

        await Step("classes et groupes", async () =>
        {
            await inserter.InsertAsync(plan.NewClasses, progress.Advance, cancellationToken);
            await UpdateAsync(db.ClassGroups, plan.ClassChanges, c => c.Id, (group, change) =>
            {
                group.Name = change.Class.Name;
                group.Level = change.Class.Level;
                group.Kind = change.Class.Kind;
                group.SchoolId = change.SchoolId;
                group.IsActive = true;
            }, progress, cancellationToken);
            await ForEachBatchAsync(plan.ClassesToDeactivate, ids => db.ClassGroups.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false), cancellationToken), progress);
        });

        await Step("comptes", async () =>
        {
            await inserter.InsertAsync(plan.NewAccounts.Select(a => NewAccount(roster.People[a.Person], a, territoryId, now)), progress.Advance, cancellationToken);
            await UpdateAsync(db.Accounts, plan.AccountChanges, c => c.Id, (account, change) => Apply(account, roster.People[change.Person], change), progress, cancellationToken);
            // A new security stamp ends every open session of the deactivated accounts at the next validation.
            var stamp = Guid.NewGuid().ToString("N");
            await ForEachBatchAsync(plan.AccountsToDeactivate, ids => db.Accounts.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.IsActive, false)
                .SetProperty(a => a.DeactivatedAt, now)
                .SetProperty(a => a.SecurityStamp, stamp), cancellationToken), progress);
        });

        await Step("inscriptions", async () =>
        {
            await inserter.InsertAsync(plan.NewEnrolments.Select(e => new Enrolment { TerritoryId = territoryId, PupilId = e.PupilId, ClassGroupId = e.ClassGroupId, StartsOn = e.StartsOn }), progress.Advance, cancellationToken);
            await ForEachBatchAsync(plan.EnrolmentsToReopen, ids => db.Enrolments.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndsOn, (DateOnly?)null), cancellationToken), progress);
            foreach (var ending in plan.EnrolmentsToEnd.GroupBy(e => e.EndsOn))
            {
                var endsOn = ending.Key;
                await ForEachBatchAsync(ending.Select(e => e.Id).ToList(), ids => db.Enrolments.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.EndsOn, endsOn), cancellationToken), progress);
            }
        });

        await Step("services et affectations", async () =>
        {
            await inserter.InsertAsync(plan.NewTeaching, progress.Advance, cancellationToken);
            await ForEachBatchAsync(plan.TeachingToReopen, ids => db.TeachingAssignments.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.EndsOn, (DateOnly?)null), cancellationToken), progress);
            foreach (var ending in plan.TeachingToEnd.GroupBy(e => e.EndsOn))
            {
                var endsOn = ending.Key;
                await ForEachBatchAsync(ending.Select(e => e.Id).ToList(), ids => db.TeachingAssignments.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.EndsOn, endsOn), cancellationToken), progress);
            }

            await inserter.InsertAsync(plan.NewStaff, progress.Advance, cancellationToken);
            await ForEachBatchAsync(plan.StaffToReopen, ids => db.StaffAssignments.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndsOn, (DateOnly?)null), cancellationToken), progress);
            await ForEachBatchAsync(plan.StaffToEnd, ids => db.StaffAssignments.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndsOn, today), cancellationToken), progress);
        });

        await Step("liens familiaux", async () =>
        {
            await inserter.InsertAsync(plan.NewLinks.Select(l => new GuardianLink { TerritoryId = territoryId, GuardianId = l.GuardianId, PupilId = l.PupilId, Relation = l.Relation, HasParentalAuthority = l.HasParentalAuthority }), progress.Advance, cancellationToken);
            await UpdateAsync(db.GuardianLinks, plan.LinkChanges, c => c.Id, (link, change) =>
            {
                link.Relation = change.Relation;
                link.HasParentalAuthority = change.HasParentalAuthority;
            }, progress, cancellationToken);
            await ForEachBatchAsync(plan.LinksToDelete, ids => db.GuardianLinks.Where(l => ids.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken), progress);
        });
    }

    /// <summary>A new account: no password (it is activated with the code of a letter), a login of the usual prenom.nom form.</summary>
    private Account NewAccount(RosterPerson person, NewAccount plan, Guid territoryId, DateTime now) => new()
    {
        Id = plan.Id,
        TerritoryId = territoryId,
        UserName = plan.UserName,
        NormalizedUserName = normalizer.NormalizeName(plan.UserName),
        FirstName = person.FirstName,
        LastName = person.LastName,
        BirthDate = person.BirthDate,
        Email = person.Email,
        NormalizedEmail = person.Email is null ? null : normalizer.NormalizeEmail(person.Email),
        PhoneNumber = person.Phone,
        Profiles = person.Profiles,
        SourcedId = person.Key,
        CreatedAt = now,
        LockoutEnabled = true,
    };

    private void Apply(Account account, RosterPerson person, AccountChange change)
    {
        if (change.Names)
        {
            account.FirstName = person.FirstName;
            account.LastName = person.LastName;
        }

        if (change.BirthDate)
        {
            account.BirthDate = person.BirthDate;
        }

        if (change.Email is not null)
        {
            account.Email = change.Email;
            account.NormalizedEmail = normalizer.NormalizeEmail(change.Email);
        }

        account.PhoneNumber = change.PhoneNumber ?? account.PhoneNumber;
        account.Profiles = change.Profiles ?? account.Profiles;
        account.SourcedId = change.SourcedId ?? account.SourcedId;
        if (change.Reactivate)
        {
            account.Reactivate();
        }

        account.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    /// <summary>Loads the rows to change by batches of ids, changes them and saves each batch.</summary>
    private async Task UpdateAsync<TEntity, TChange>(DbSet<TEntity> set, IReadOnlyList<TChange> changes, Func<TChange, Guid> idOf, Action<TEntity, TChange> apply, ImportProgress progress, CancellationToken cancellationToken)
        where TEntity : class
    {
        foreach (var batch in changes.Chunk(IdBatch))
        {
            var byId = batch.ToDictionary(idOf);
            var ids = byId.Keys.ToList();
            var entities = await set.Where(e => ids.Contains(EF.Property<Guid>(e, "Id"))).ToListAsync(cancellationToken);
            foreach (var entity in entities)
            {
                apply(entity, byId[(Guid)db.Entry(entity).Property("Id").CurrentValue!]);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress.Advance(batch.Length);
        }
    }

    private static async Task ForEachBatchAsync(IReadOnlyList<Guid> ids, Func<List<Guid>, Task<int>> run, ImportProgress progress)
    {
        foreach (var batch in ids.Chunk(IdBatch))
        {
            await run(batch.ToList());
            progress.Advance(batch.Length);
        }
    }
}
