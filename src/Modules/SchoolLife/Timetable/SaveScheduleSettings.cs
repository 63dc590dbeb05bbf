using Microsoft.EntityFrameworkCore;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Timetable;

/// <summary>Saves a school's schedule settings (the head's), and forgets the cached ones.</summary>
internal sealed class SaveScheduleSettings(SchoolLifeDbContext db, ScheduleSettingsStore store, TimeProvider clock)
{
    public async Task RunAsync(Guid schoolId, SettingsInput input, CancellationToken cancellationToken)
    {
        // Two attempts: when two tabs create the school's first settings at once, the second updates the first's row.
        for (var attempt = 1; ; attempt++)
        {
            var settings = await db.ScheduleSettings.FirstOrDefaultAsync(s => s.SchoolId == schoolId, cancellationToken);
            if (settings is null)
            {
                settings = new ScheduleSettings { SchoolId = schoolId };
                db.ScheduleSettings.Add(settings);
            }

            settings.WeekAReference = input.WeekAReference is { } day ? WeekAlternation.MondayOf(day) : null;
            settings.AlternationSkipsHolidays = input.AlternationSkipsHolidays;
            settings.GuardiansWithoutAuthoritySeeHomework = input.GuardiansWithoutAuthoritySeeHomework;
            settings.GuardiansWithoutAuthoritySeeTimetable = input.GuardiansWithoutAuthoritySeeTimetable;
            settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                db.ChangeTracker.Clear();
            }
        }

        store.Forget(schoolId);
    }
}
