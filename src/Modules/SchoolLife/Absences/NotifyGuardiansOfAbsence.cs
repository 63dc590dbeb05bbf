using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.Identity.Contracts;
using Preau.Platform.Outbox;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Absences;

/// <summary>
/// When the school's delay after the roll call has passed, tells the pupil's guardians the same day (in-app
/// and by e-mail through the Communication module): unless the absence was corrected away, already
/// justified, or already notified (delivery is at least once).
/// </summary>
internal sealed class NotifyGuardiansOfAbsence(SchoolLifeDbContext db, IStructureDirectory directory, SchoolLifeSettingsStore settings, TimeProvider clock)
    : IOutboxHandler<AbsenceNoticeDue>
{
    public async Task HandleAsync(AbsenceNoticeDue due, CancellationToken cancellationToken)
    {
        var absence = await db.Absences.FirstOrDefaultAsync(a => a.Id == due.AbsenceId, cancellationToken);
        if (absence is null || absence.NotifiedAt is not null || !absence.CanBeJustified)
        {
            return;
        }

        var schoolSettings = await settings.GetAsync(absence.SchoolId, cancellationToken);
        var guardians = (await directory.ListGuardiansOfPupilsAsync([absence.PupilId], cancellationToken))
            .Where(g => g.HasParentalAuthority || schoolSettings.NonCustodialSeeAbsences)
            .Select(g => g.GuardianId)
            .Distinct()
            .ToList();
        var pupil = await directory.GetPupilsAsync([absence.PupilId], cancellationToken) is [var found, ..] ? found.FirstName : string.Empty;
        absence.NotifiedAt = clock.GetUtcNow().UtcDateTime;
        if (guardians.Count > 0)
        {
            var time = absence.StartsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            db.Publish(absence.Kind == AttendanceKind.Late
                ? new NotificationRequested(guardians, "schoollife.absence", NotificationKind.ActionRequired,
                    Platform.Localization.Text.Fr("{0} est arrivé(e) en retard ({1} min) au cours de {2}"), [pupil, (absence.LateMinutes ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), time],
                    $"/absences/{absence.Id}", absence.SchoolId)
                : new NotificationRequested(guardians, "schoollife.absence", NotificationKind.ActionRequired,
                    Platform.Localization.Text.Fr("{0} est absent(e) au cours de {1} : merci de justifier l’absence"), [pupil, time],
                    $"/absences/{absence.Id}", absence.SchoolId));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
