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

/// <summary>A school holiday as typed.</summary>
internal sealed record SchoolHolidayInput(string Label, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>Adds, removes, or fills a year with school holidays; holidays never overlap each other.</summary>
internal sealed class SaveSchoolHoliday(IdentityDbContext db, AuditLog audit, IMemoryCache cache, TenantContext tenant)
{
    public async Task<ChangeResult> AddAsync(Guid actorId, SchoolHolidayInput input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var label = input.Label.Trim();
        if (label.Length is 0 or > 100)
        {
            errors.Add(new("Label", Fr("Indiquez le nom des vacances, par exemple Vacances d’hiver (100 caractères au plus).")));
        }

        errors.AddRange(SaveSchoolYear.CheckPeriod(input.StartsOn, input.EndsOn, maxDays: 70));
        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        var (start, end) = (input.StartsOn!.Value, input.EndsOn!.Value);
        if (await db.SchoolHolidays.Where(h => h.StartsOn <= end && start <= h.EndsOn).Select(h => h.Label).FirstOrDefaultAsync(cancellationToken) is { } overlapping)
        {
            return ChangeResult.Refused("StartsOn", Fr("Ces dates chevauchent « {0} »."), overlapping);
        }

        db.SchoolHolidays.Add(new SchoolHoliday { Label = label, StartsOn = start, EndsOn = end });
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, null, $"Vacances ajoutées : {label} ({start:dd/MM/yyyy} – {end:dd/MM/yyyy})");
        await SaveAsync(cancellationToken);
        return ChangeResult.Done;
    }

    public async Task DeleteAsync(Guid actorId, Guid holidayId, CancellationToken cancellationToken)
    {
        if (await db.SchoolHolidays.FirstOrDefaultAsync(h => h.Id == holidayId, cancellationToken) is not { } holiday)
        {
            return;
        }

        db.SchoolHolidays.Remove(holiday);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, null, $"Vacances supprimées : {holiday.Label}");
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the indicative holidays of a year (<see cref="SchoolHoliday.Indicative"/>) that fall inside it
    /// and overlap nothing already entered; returns how many were added. The territory then corrects
    /// them with the official dates of its zone.
    /// </summary>
    public async Task<int> FillIndicativeAsync(Guid actorId, Guid yearId, CancellationToken cancellationToken)
    {
        if (await db.SchoolYears.FirstOrDefaultAsync(y => y.Id == yearId, cancellationToken) is not { } year)
        {
            return 0;
        }

        var existing = await db.SchoolHolidays.Where(h => h.StartsOn <= year.EndsOn && year.StartsOn <= h.EndsOn).ToListAsync(cancellationToken);
        var added = SchoolHoliday.IndicativeRows(year.StartsOn.Year)
            .Where(h => year.Contains(h.StartsOn) && year.Contains(h.EndsOn))
            .Where(h => !existing.Any(e => SchoolYear.Overlap(e.StartsOn, e.EndsOn, h.StartsOn, h.EndsOn)))
            .ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        db.SchoolHolidays.AddRange(added);
        audit.Record(tenant.RequiredTerritoryId, AuditAction.StructureChanged, actorId, year.Id, $"Calendrier indicatif ajouté à l’année {year.Label} ({added.Count} périodes)");
        await SaveAsync(cancellationToken);
        return added.Count;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        StructureDirectory.ForgetCalendar(cache, tenant.RequiredTerritoryId);
    }
}
