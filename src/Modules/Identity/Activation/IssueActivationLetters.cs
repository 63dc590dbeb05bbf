using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using Preau.Platform.Files;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Activation;

/// <summary>Whose letters to print.</summary>
internal enum LetterSelection
{
    /// <summary>The guardians of the pupils of a class or group.</summary>
    Class,

    /// <summary>The guardians of the pupils of a school.</summary>
    School,

    /// <summary>One person (a guardian, a pupil, a staff member).</summary>
    Person,
}

/// <summary>One letter: one account with its clear code (printed once, never stored) and the children it follows.</summary>
internal sealed record ActivationLetter(Guid AccountId, string Name, string Login, string Code, DateTime ExpiresAt, IReadOnlyList<string> Children);

/// <summary>The letters of one printing, with what every letter shows of the territory.</summary>
internal sealed record LetterBatch(string TerritoryName, byte[]? Logo, string SiteUrl, string ActivationUrl, string Subject, IReadOnlyList<ActivationLetter> Letters);

/// <summary>
/// Issues activation codes and returns the letters to print, one per account: each guardian gets their
/// own letter, even when two guardians share a child, because a code lets its holder choose the
/// account's password (docs/decisions/0005-one-activation-letter-per-guardian.md). Issuing a code
/// revokes the account's previous ones. Only hashes are stored; the clear codes live in the returned
/// batch, shown once. Audited (ActivationCodesIssued), without any code.
/// </summary>
internal sealed class IssueActivationLetters(IdentityDbContext db, AuditLog audit, IFileStore files, TenantContext tenant, TimeProvider clock)
{
    /// <summary>The most letters printed at once: a large lycée's families; a bigger set is printed school by school.</summary>
    public const int MaxLetters = 3000;

    /// <summary>The accounts a selection covers (bounded to one more than <see cref="MaxLetters"/>, to tell when it is too many).</summary>
    public IQueryable<Guid> Recipients(LetterSelection selection, Guid targetId, bool onlyNotActivated)
    {
        if (selection == LetterSelection.Person)
        {
            return db.Accounts.Where(a => a.Id == targetId && a.IsActive).Select(a => a.Id);
        }

        var pupils = from e in db.Enrolments
                     join c in db.ClassGroups on e.ClassGroupId equals c.Id
                     where e.EndsOn == null && c.IsActive
                         && (selection == LetterSelection.Class ? c.Id == targetId : c.SchoolId == targetId && c.Kind == ClassGroupKind.Class)
                     select e.PupilId;
        var guardians = from l in db.GuardianLinks
                        join g in db.Accounts on l.GuardianId equals g.Id
                        where pupils.Contains(l.PupilId) && g.IsActive && (!onlyNotActivated || g.PasswordHash == null)
                        select g.Id;
        return guardians.Distinct().OrderBy(id => id);
    }

    public async Task<LetterBatch> RunAsync(Guid actorId, IReadOnlyCollection<Guid> accountIds, string subject, string siteUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var territory = await db.Territories.AsNoTracking().SingleAsync(cancellationToken);
        var ids = accountIds.ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Select(a => new { a.Id, a.FirstName, a.LastName, a.UserName })
            .ToListAsync(cancellationToken);
        var children = (await (from l in db.GuardianLinks.AsNoTracking()
                               join p in db.Accounts on l.PupilId equals p.Id
                               where ids.Contains(l.GuardianId) && p.IsActive
                               orderby p.FirstName
                               select new
                               {
                                   l.GuardianId,
                                   p.FirstName,
                                   p.LastName,
                                   Class = (from e in db.Enrolments
                                            join c in db.ClassGroups on e.ClassGroupId equals c.Id
                                            where e.PupilId == p.Id && e.EndsOn == null && c.IsActive && c.Kind == ClassGroupKind.Class
                                            select c.Name).FirstOrDefault(),
                               }).ToListAsync(cancellationToken))
            .GroupBy(c => c.GuardianId)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Class is null ? $"{c.FirstName} {c.LastName}" : $"{c.FirstName} {c.LastName} ({c.Class})").ToList());

        // A new letter replaces the previous ones: their codes stop working (ActivationCode: revoked).
        await db.ActivationCodes.Where(c => ids.Contains(c.AccountId) && c.UsedAt == null && !c.Revoked)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Revoked, true), cancellationToken);
        var letters = new List<ActivationLetter>(accounts.Count);
        foreach (var account in accounts)
        {
            var (code, clear) = ActivationCode.Issue(account.Id, now, territory.ActivationCodeValidity);
            db.ActivationCodes.Add(code);
            letters.Add(new ActivationLetter(account.Id, $"{account.FirstName} {account.LastName}", account.UserName!, ActivationCode.Format(clear), code.ExpiresAt, children.GetValueOrDefault(account.Id) ?? []));
        }

        audit.Record(tenant.RequiredTerritoryId, AuditAction.ActivationCodesIssued, actorId, ids.Count == 1 ? ids[0] : null,
            $"{letters.Count} code(s) d’activation émis : {subject}");
        await db.SaveChangesAsync(cancellationToken);

        byte[]? logo = null;
        if (territory.LogoKey is { } key && await files.OpenReadAsync(key, cancellationToken) is { } stream)
        {
            await using (stream)
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, cancellationToken);
                logo = copy.ToArray();
            }
        }

        return new LetterBatch(territory.Name, logo, siteUrl, siteUrl.TrimEnd('/') + "/activation", subject, letters);
    }
}
