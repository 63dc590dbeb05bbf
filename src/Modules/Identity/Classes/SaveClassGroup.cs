using Microsoft.EntityFrameworkCore;
using Preau.Identity.Audit;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Structures;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Classes;

/// <summary>A class or group as typed on its form.</summary>
internal sealed record ClassGroupInput(string Name, ClassGroupKind Kind, string? Level, Guid SchoolYearId);

/// <summary>Creates or changes a class or group of a school for a year, deactivates or reactivates it; audited.</summary>
internal sealed class SaveClassGroup(IdentityDbContext db, AuditLog audit, TenantContext tenant)
{
    public async Task<(ChangeResult Result, Guid? ClassGroupId)> RunAsync(Guid actorId, Guid schoolId, Guid? classGroupId, ClassGroupInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var name = input.Name.Trim();
        if (name.Length is 0 or > 100)
        {
            errors.Add(new("Name", Fr("Indiquez le nom de la classe ou du groupe (100 caractères au plus).")));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new("Kind", Fr("Choisissez classe ou groupe.")));
        }

        var level = string.IsNullOrWhiteSpace(input.Level) ? null : input.Level.Trim();
        if (level is not null && !Levels.All.Contains(level))
        {
            errors.Add(new("Level", Fr("Choisissez un niveau de la liste.")));
        }

        if (!await db.SchoolYears.AnyAsync(y => y.Id == input.SchoolYearId, cancellationToken))
        {
            errors.Add(new("SchoolYearId", Fr("Choisissez une année scolaire de la liste.")));
        }

        if (errors.Count > 0)
        {
            return (new ChangeResult(errors), null);
        }

        if (await db.ClassGroups.AnyAsync(c => c.SchoolId == schoolId && c.SchoolYearId == input.SchoolYearId && c.Name == name && c.Id != classGroupId, cancellationToken))
        {
            return (ChangeResult.Refused("Name", Fr("Cet établissement a déjà une classe ou un groupe de ce nom cette année-là.")), null);
        }

        ClassGroup? group;
        if (classGroupId is { } id)
        {
            group = await db.ClassGroups.FirstOrDefaultAsync(c => c.Id == id && c.SchoolId == schoolId, cancellationToken);
            if (group is null)
            {
                return (ChangeResult.Refused(string.Empty, Fr("Cette classe n’existe plus.")), null);
            }
        }
        else
        {
            group = new ClassGroup { Name = name, SchoolId = schoolId };
            db.ClassGroups.Add(group);
        }

        group.Name = name;
        group.Kind = input.Kind;
        group.Level = level;
        group.SchoolYearId = input.SchoolYearId;
        var school = await db.Schools.Where(s => s.Id == schoolId).Select(s => s.Name).FirstAsync(cancellationToken);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, group.Id,
            $"{AdminLabels.Of(group.Kind)} {(classGroupId is null ? "créée" : "modifiée")} : {name} ({school})");
        await db.SaveChangesAsync(cancellationToken);
        return (ChangeResult.Done, group.Id);
    }

    public async Task SetActiveAsync(Guid actorId, Guid classGroupId, bool active, CancellationToken cancellationToken)
    {
        var group = await db.ClassGroups.FirstAsync(c => c.Id == classGroupId, cancellationToken);
        if (group.IsActive == active)
        {
            return;
        }

        group.IsActive = active;
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, group.Id, $"{AdminLabels.Of(group.Kind)} {(active ? "réactivée" : "désactivée")} : {group.Name}");
        await db.SaveChangesAsync(cancellationToken);
    }
}
