using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Schools;

/// <summary>A school as typed on its form.</summary>
internal sealed record SchoolInput(string Uai, string Name, SchoolKind Kind, string? Street, string? PostalCode, string? City, double? Latitude, double? Longitude);

/// <summary>Creates or changes a school (UAI checked and unique in the territory), deactivates or reactivates it; audited.</summary>
internal sealed class SaveSchool(IdentityDbContext db, AuditLog audit, TenantContext tenant)
{
    public async Task<(ChangeResult Result, Guid? SchoolId)> RunAsync(Guid actorId, Guid? schoolId, SchoolInput input, CancellationToken cancellationToken)
    {
        var errors = Check(input, out var uai);
        if (errors.Count > 0)
        {
            return (new ChangeResult(errors), null);
        }

        if (await db.Schools.AnyAsync(s => s.Uai == uai && s.Id != schoolId, cancellationToken))
        {
            return (ChangeResult.Refused("Uai", Fr("Un autre établissement du territoire a déjà le code UAI {0}."), uai!), null);
        }

        School? school;
        if (schoolId is { } id)
        {
            school = await db.Schools.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (school is null)
            {
                return (ChangeResult.Refused(string.Empty, Fr("Cet établissement n’existe plus.")), null);
            }
        }
        else
        {
            school = new School { Uai = uai!, Name = input.Name.Trim() };
            db.Schools.Add(school);
        }

        school.Uai = uai!;
        school.Name = input.Name.Trim();
        school.Kind = input.Kind;
        school.Street = Clean(input.Street);
        school.PostalCode = Clean(input.PostalCode);
        school.City = Clean(input.City);
        school.Latitude = input.Latitude;
        school.Longitude = input.Longitude;
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, school.Id,
            schoolId is null ? $"Établissement créé : {school.Name} ({school.Uai})" : $"Établissement modifié : {school.Name} ({school.Uai})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two administrators created the same UAI at the same moment: the unique index decided.
            return (ChangeResult.Refused("Uai", Fr("Un autre établissement du territoire a déjà le code UAI {0}."), uai!), null);
        }

        return (ChangeResult.Done, school.Id);
    }

    /// <summary>Deactivates (hidden from lists and other modules, history kept) or reactivates a school.</summary>
    public async Task SetActiveAsync(Guid actorId, Guid schoolId, bool active, CancellationToken cancellationToken)
    {
        var school = await db.Schools.FirstAsync(s => s.Id == schoolId, cancellationToken);
        if (school.IsActive == active)
        {
            return;
        }

        school.IsActive = active;
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, school.Id,
            active ? $"Établissement réactivé : {school.Name}" : $"Établissement désactivé : {school.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The rules of a school's fields; <paramref name="uai"/> is the normalised code when valid.</summary>
    public static List<FieldError> Check(SchoolInput input, out string? uai)
    {
        var errors = new List<FieldError>();
        uai = Uai.Normalize(input.Uai);
        if (uai is null)
        {
            errors.Add(new("Uai", Fr("Le code UAI comporte 7 chiffres suivis d’une lettre de contrôle, par exemple 0750655E : vérifiez-le.")));
        }

        if (input.Name.Trim().Length is 0 or > 200)
        {
            errors.Add(new("Name", Fr("Indiquez le nom de l’établissement (200 caractères au plus).")));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new("Kind", Fr("Choisissez un type d’établissement de la liste.")));
        }

        if (input.Street?.Length > 200 || input.City?.Length > 100)
        {
            errors.Add(new("Street", Fr("L’adresse est trop longue.")));
        }

        if (Clean(input.PostalCode) is { } postalCode && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
        {
            errors.Add(new("PostalCode", Fr("Le code postal comporte 5 chiffres.")));
        }

        if (input.Latitude is < -90 or > 90 || (input.Latitude is null) != (input.Longitude is null))
        {
            errors.Add(new("Latitude", Fr("La latitude va de -90 à 90 et s’indique avec la longitude.")));
        }

        if (input.Longitude is < -180 or > 180)
        {
            errors.Add(new("Longitude", Fr("La longitude va de -180 à 180.")));
        }

        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
