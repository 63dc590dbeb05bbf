using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Demo;
using Preau.Identity.Structures;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Accounts;

/// <summary>A person's details as typed on the account forms.</summary>
internal sealed record PersonInput(string FirstName, string LastName, string? Email, string? PhoneNumber, DateOnly? BirthDate);

/// <summary>
/// A new account with its first profile and the link that gives it its place: a school for staff, a
/// class for a pupil, a child for a guardian. Created without a password: its holder activates it
/// with the code of an activation letter.
/// </summary>
internal sealed record NewAccount(PersonInput Person, string? Login, Profile Profile, Guid? SchoolId, Guid? ClassGroupId, Guid? ChildId, GuardianRelation Relation, bool HasParentalAuthority);

/// <summary>Creates an account in the current territory, with its first link, in one save; audited.</summary>
internal sealed class CreateAccount(
    IdentityDbContext db, ILookupNormalizer normalizer, AuditLog audit, AssignStaff staff, EnrolPupil enrolments, LinkGuardian links, TenantContext tenant, TimeProvider clock)
{
    private const string LoginCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@";

    public async Task<(ChangeResult Result, Guid? AccountId)> RunAsync(Guid actorId, NewAccount input, CancellationToken cancellationToken)
    {
        var errors = CheckPerson(input.Person, tenant.Today(clock)).ToList();
        if (!Platform.Authorization.Profiles.All.Contains(input.Profile))
        {
            errors.Add(new("Profile", Fr("Choisissez un profil de la liste.")));
        }
        else if (StaffAssignment.SchoolProfiles.Contains(input.Profile) && input.Profile != Profile.ItTechnician && input.SchoolId is null)
        {
            errors.Add(new("SchoolId", Fr("Choisissez l’établissement où cette personne travaille.")));
        }

        var login = input.Login?.Trim();
        if (!string.IsNullOrEmpty(login) && (login.Length > 100 || login.Any(c => !LoginCharacters.Contains(c))))
        {
            errors.Add(new("Login", Fr("L’identifiant ne peut contenir que des lettres sans accent, des chiffres et les signes . - _ @ (100 caractères au plus).")));
        }

        if (errors.Count > 0)
        {
            return (new ChangeResult(errors), null);
        }

        if (string.IsNullOrEmpty(login))
        {
            var stem = LoginNames.Simplify(input.Person.FirstName) + "." + LoginNames.Simplify(input.Person.LastName);
            var taken = await db.Accounts.IgnoreQueryFilters().Where(a => a.UserName!.StartsWith(stem)).Select(a => a.UserName!).ToListAsync(cancellationToken);
            login = LoginNames.Unique(input.Person.FirstName, input.Person.LastName, taken.ToHashSet(StringComparer.Ordinal));
        }
        else if (await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.NormalizedUserName == normalizer.NormalizeName(login), cancellationToken))
        {
            return (ChangeResult.Refused("Login", Fr("Cet identifiant est déjà utilisé.")), null);
        }

        var account = new Account
        {
            UserName = login,
            NormalizedUserName = normalizer.NormalizeName(login),
            FirstName = input.Person.FirstName.Trim(),
            LastName = input.Person.LastName.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Profiles = input.Profile,
            LockoutEnabled = true,
        };
        ApplyPerson(account, input.Person);
        db.Accounts.Add(account);
        if (input.SchoolId is { } schoolId && StaffAssignment.SchoolProfiles.Contains(input.Profile))
        {
            staff.Add(account, schoolId, input.Profile);
        }

        if (input.ClassGroupId is { } classGroupId && input.Profile == Profile.Pupil)
        {
            enrolments.Add(account.Id, classGroupId);
        }

        if (input.ChildId is { } childId && input.Profile == Profile.Guardian)
        {
            links.Add(account.Id, childId, input.Relation, input.HasParentalAuthority);
        }

        audit.Record(tenant.RequiredTerritoryId, AuditAction.AccountCreated, actorId, account.Id, $"Compte créé : {account.DisplayName} ({login}), {AdminLabels.Of(input.Profile)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same login created at the same moment elsewhere: the unique index decided.
            db.ChangeTracker.Clear();
            return (ChangeResult.Refused("Login", Fr("Cet identifiant est déjà utilisé.")), null);
        }

        return (ChangeResult.Done, account.Id);
    }

    /// <summary>The rules of a person's details.</summary>
    public static IEnumerable<FieldError> CheckPerson(PersonInput person, DateOnly today)
    {
        if (person.FirstName.Trim().Length is 0 or > 100)
        {
            yield return new("FirstName", Fr("Indiquez le prénom (100 caractères au plus)."));
        }

        if (person.LastName.Trim().Length is 0 or > 100)
        {
            yield return new("LastName", Fr("Indiquez le nom (100 caractères au plus)."));
        }

        if (person.FirstName.Any(char.IsControl) || person.LastName.Any(char.IsControl))
        {
            yield return new("LastName", Fr("Le nom contient des caractères invisibles : retapez-le."));
        }

        if (!string.IsNullOrWhiteSpace(person.Email) && (person.Email.Trim().Length > 256 || !new EmailAddressAttribute().IsValid(person.Email.Trim())))
        {
            yield return new("Email", Fr("L’adresse électronique n’est pas valide."));
        }

        if (!string.IsNullOrWhiteSpace(person.PhoneNumber) && (person.PhoneNumber.Trim().Length > 30 || !person.PhoneNumber.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')')))
        {
            yield return new("PhoneNumber", Fr("Le numéro de téléphone ne contient que des chiffres, des espaces et les signes + . - ( )."));
        }

        if (person.BirthDate is { } birth && (birth.Year < 1900 || birth > today))
        {
            yield return new("BirthDate", Fr("La date de naissance doit être passée et postérieure à 1900."));
        }
    }

    /// <summary>Copies the contact details and birth date, normalised.</summary>
    public void ApplyPerson(Account account, PersonInput person)
    {
        account.FirstName = person.FirstName.Trim();
        account.LastName = person.LastName.Trim();
        account.Email = string.IsNullOrWhiteSpace(person.Email) ? null : person.Email.Trim();
        account.NormalizedEmail = normalizer.NormalizeEmail(account.Email);
        account.PhoneNumber = string.IsNullOrWhiteSpace(person.PhoneNumber) ? null : person.PhoneNumber.Trim();
        account.BirthDate = person.BirthDate;
    }
}
