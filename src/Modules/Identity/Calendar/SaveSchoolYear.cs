using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.Identity.Audit;
using Preau.Identity.Classes;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Identity.Structures;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Calendar;

/// <summary>A school year as typed: label, first and last day.</summary>
internal sealed record SchoolYearInput(string Label, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>Creates or changes a school year; two years never overlap (a day belongs to one year at most).</summary>
internal sealed class SaveSchoolYear(IdentityDbContext db, AuditLog audit, IMemoryCache cache, TenantContext tenant)
{
    /// <summary>Dates outside this range are typing mistakes, not school years.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public async Task<(ChangeResult Result, Guid? YearId)> RunAsync(Guid actorId, Guid? yearId, SchoolYearInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var label = input.Label.Trim();
        if (label.Length is 0 or > 20)
        {
            errors.Add(new("Label", Fr("Indiquez le nom de l’année, par exemple 2026-2027 (20 caractères au plus).")));
        }

        errors.AddRange(CheckPeriod(input.StartsOn, input.EndsOn, maxDays: 400));
        if (errors.Count > 0)
        {
            return (new ChangeResult(errors), null);
        }

        var (start, end) = (input.StartsOn!.Value, input.EndsOn!.Value);
        var others = await db.SchoolYears.Where(y => y.Id != yearId).ToListAsync(cancellationToken);
        if (others.FirstOrDefault(y => SchoolYear.Overlap(y.StartsOn, y.EndsOn, start, end)) is { } overlapping)
        {
            return (ChangeResult.Refused("StartsOn", Fr("Cette période chevauche l’année {0} ({1:d} – {2:d}) : une journée n’appartient qu’à une année scolaire."), overlapping.Label, overlapping.StartsOn, overlapping.EndsOn), null);
        }

        if (others.Any(y => string.Equals(y.Label, label, StringComparison.OrdinalIgnoreCase)))
        {
            return (ChangeResult.Refused("Label", Fr("Une autre année porte déjà ce nom.")), null);
        }

        SchoolYear? year;
        if (yearId is { } id)
        {
            year = await db.SchoolYears.FirstOrDefaultAsync(y => y.Id == id, cancellationToken);
            if (year is null)
            {
                return (ChangeResult.Refused(string.Empty, Fr("Cette année scolaire n’existe plus.")), null);
            }
        }
        else
        {
            year = new SchoolYear { Label = label };
            db.SchoolYears.Add(year);
        }

        year.Label = label;
        year.StartsOn = start;
        year.EndsOn = end;
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, year.Id, $"Année scolaire {label} enregistrée ({start:dd/MM/yyyy} – {end:dd/MM/yyyy})");
        await db.SaveChangesAsync(cancellationToken);
        StructureDirectory.ForgetCalendar(cache, tenant.RequiredTerritoryId);
        return (ChangeResult.Done, year.Id);
    }

    /// <summary>Deletes a year no class belongs to (a year with classes keeps its history).</summary>
    public async Task<ChangeResult> DeleteAsync(Guid actorId, Guid yearId, CancellationToken cancellationToken)
    {
        var year = await db.SchoolYears.FirstOrDefaultAsync(y => y.Id == yearId, cancellationToken);
        if (year is null)
        {
            return ChangeResult.Done;
        }

        if (await db.ClassGroups.AnyAsync(c => c.SchoolYearId == yearId, cancellationToken))
        {
            return ChangeResult.Refused(string.Empty, Fr("Des classes appartiennent à cette année : elle ne peut pas être supprimée."));
        }

        db.SchoolYears.Remove(year);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, year.Id, $"Année scolaire {year.Label} supprimée");
        await db.SaveChangesAsync(cancellationToken);
        StructureDirectory.ForgetCalendar(cache, tenant.RequiredTerritoryId);
        return ChangeResult.Done;
    }

    /// <summary>A period's rules: both days given, in order, in a plausible range, not longer than <paramref name="maxDays"/>.</summary>
    public static IEnumerable<FieldError> CheckPeriod(DateOnly? startsOn, DateOnly? endsOn, int maxDays)
    {
        if (startsOn is not { } start || start < Earliest || start > Latest)
        {
            yield return new("StartsOn", Fr("Indiquez le premier jour (entre 2000 et 2100)."));
        }

        if (endsOn is not { } end || end < Earliest || end > Latest)
        {
            yield return new("EndsOn", Fr("Indiquez le dernier jour (entre 2000 et 2100)."));
        }
        else if (startsOn is { } first && end < first)
        {
            yield return new("EndsOn", Fr("Le dernier jour doit suivre le premier."));
        }
        else if (startsOn is { } from && end.DayNumber - from.DayNumber > maxDays)
        {
            yield return new("EndsOn", Fr("Cette période est trop longue ({0} jours au plus)."), maxDays);
        }
    }
}
