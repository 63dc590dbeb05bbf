using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Privacy;

namespace Preau.Identity.Retention;

/// <summary>
/// A person's data in one JSON document (RGPD art. 15 and 20): the account as the Identity module holds
/// it, then every module's part (<see cref="IPersonalDataSource"/>). A guardian holding parental
/// authority exercises the rights of their minor children: each child's data follows.
/// </summary>
internal sealed class ExportPersonalData(IdentityDbContext db, IStructureDirectory directory, IAccountRelations relations, IEnumerable<IPersonalDataSource> sources, TimeProvider clock)
{
    public async Task<Dictionary<string, object?>?> RunAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var document = await ExportAccountAsync(accountId, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var holder = await relations.ForAccountAsync(accountId, cancellationToken);
        var children = new List<Dictionary<string, object?>>();
        foreach (var (childId, authority) in holder.Children)
        {
            if (authority && await ExportAccountAsync(childId, cancellationToken) is { } child)
            {
                children.Add(child);
            }
        }

        document["exporte_le"] = clock.GetUtcNow().UtcDateTime;
        document["enfants"] = children;
        return document;
    }

    private async Task<Dictionary<string, object?>?> ExportAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => new
        {
            identifiant = a.UserName,
            prenom = a.FirstName,
            nom = a.LastName,
            courriel = a.Email,
            telephone = a.PhoneNumber,
            date_de_naissance = a.BirthDate,
            profils = a.Profiles.ToString(),
            langue = a.PreferredLanguage,
            actif = a.IsActive,
            desactive_le = a.DeactivatedAt,
            active = a.PasswordHash != null,
            conditions_acceptees_le = a.TermsAcceptedAt,
            double_authentification = a.TwoFactorEnabled,
            cree_le = a.CreatedAt,
            derniere_connexion = a.LastSignInAt,
            identifiant_source = a.SourcedId,
        }).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var classes = await (from e in db.Enrolments.AsNoTracking()
                             join c in db.ClassGroups on e.ClassGroupId equals c.Id
                             join s in db.Schools on c.SchoolId equals s.Id
                             where e.PupilId == accountId
                             select new { classe = c.Name, etablissement = s.Name, debut = e.StartsOn, fin = e.EndsOn }).ToListAsync(cancellationToken);
        var assignments = await (from a in db.StaffAssignments.AsNoTracking()
                                 join s in db.Schools on a.SchoolId equals s.Id
                                 where a.AccountId == accountId
                                 select new { etablissement = s.Name, profil = a.Profile.ToString(), fin = a.EndsOn }).ToListAsync(cancellationToken);
        var links = await db.GuardianLinks.AsNoTracking().Where(l => l.GuardianId == accountId || l.PupilId == accountId)
            .Select(l => new { l.GuardianId, l.PupilId, l.Relation, l.HasParentalAuthority }).ToListAsync(cancellationToken);
        var people = (await directory.GetPeopleAsync(links.SelectMany(l => new[] { l.GuardianId, l.PupilId }), cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.SubjectId == accountId || e.ActorId == accountId)
            .OrderByDescending(e => e.At).Select(e => new { date = e.At, action = e.Action.ToString(), resume = e.Summary, adresse_ip = e.IpAddress })
            .ToListAsync(cancellationToken);

        var document = new Dictionary<string, object?>
        {
            ["compte"] = account,
            ["classes"] = classes,
            ["affectations"] = assignments,
            ["enfants_et_responsables"] = links.Select(l => new
            {
                responsable = people.GetValueOrDefault(l.GuardianId),
                eleve = people.GetValueOrDefault(l.PupilId),
                lien = l.Relation.ToString(),
                autorite_parentale = l.HasParentalAuthority,
            }),
            ["journal"] = audit,
        };
        foreach (var source in sources)
        {
            document[source.Module] = await source.ExportAsync(accountId, cancellationToken);
        }

        return document;
    }
}
