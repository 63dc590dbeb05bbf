using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Absences;

/// <summary>What the teacher ticked for one pupil.</summary>
internal enum Presence
{
    Present,
    Absent,
    Late,
}

/// <summary>One line of a roll call as submitted.</summary>
internal sealed record PresenceLine(Guid PupilId, Presence Presence, int? LateMinutes);

/// <summary>A roll call as submitted: the session, the lines, and the version of the roll call the form was built on (null for a new one).</summary>
internal sealed record TakeRollCallRequest(Guid ClassGroupId, DateOnly Date, TimeOnly StartsAt, IReadOnlyList<PresenceLine> Lines, int? Version);

/// <summary>Raised after the roll call, due when the school's delay has passed: then the guardians are notified if the absence still stands.</summary>
internal sealed record AbsenceNoticeDue(Guid AbsenceId);

/// <summary>A pupil on the roll-call sheet, with what was recorded and any absence announced by the family.</summary>
internal sealed record RollCallLine(PupilInfo Pupil, Presence Presence, int? LateMinutes, AbsenceNotice? Notice);

/// <summary>The sheet of a session: the group's pupils (present unless recorded otherwise), and the roll call already saved, if any.</summary>
internal sealed record RollCallSheet(ClassGroupInfo Group, DateOnly Date, TimeOnly StartsAt, IReadOnlyList<RollCallLine> Lines, RollCall? Saved);

/// <summary>
/// The roll call of one session: everyone is present unless ticked absent or late. Saving again updates
/// the same roll call (a pupil ticked by mistake goes back to present, and no notice leaves for them if
/// the school's delay has not passed). Two people saving from stale pages are told, not overwritten.
/// </summary>
internal sealed class TakeRollCall(
    SchoolLifeDbContext db,
    IAccountRelations relations,
    IStructureDirectory directory,
    SchoolLifeSettingsStore settings,
    TenantContext tenant,
    IStringLocalizer localizer,
    TimeProvider clock)
{
    public const int MaxLateMinutes = 240;

    /// <summary>The sheet of a session, or not found when the group is not the user's to call.</summary>
    public async Task<Outcome<RollCallSheet>> SheetAsync(ClaimsPrincipal user, Guid classGroupId, DateOnly date, TimeOnly startsAt, CancellationToken cancellationToken)
    {
        var group = await directory.GetClassGroupAsync(classGroupId, cancellationToken);
        if (group is null || !Visibility.CanTeach(await relations.ForUserAsync(user, cancellationToken), group))
        {
            return Outcome<RollCallSheet>.NotFound();
        }

        var pupils = await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken);
        var saved = await db.RollCalls.AsNoTracking().FirstOrDefaultAsync(r => r.ClassGroupId == group.Id && r.Date == date && r.StartsAt == startsAt, cancellationToken);
        var recorded = saved is null
            ? []
            : await db.Absences.AsNoTracking().Where(a => a.RollCallId == saved.Id).ToDictionaryAsync(a => a.PupilId, cancellationToken);
        var pupilIds = pupils.Select(p => p.Id).ToList();
        var notices = await db.AbsenceNotices.AsNoTracking()
            .Where(n => pupilIds.Contains(n.PupilId) && n.FromDate <= date && n.ToDate >= date)
            .ToListAsync(cancellationToken);
        var lines = pupils.Select(p =>
        {
            var absence = recorded.GetValueOrDefault(p.Id);
            var presence = absence is null ? Presence.Present : absence.Kind == AttendanceKind.Late ? Presence.Late : Presence.Absent;
            return new RollCallLine(p, presence, absence?.LateMinutes, notices.FirstOrDefault(n => n.PupilId == p.Id));
        }).ToList();
        return Outcome<RollCallSheet>.Success(new RollCallSheet(group, date, startsAt, lines, saved));
    }

    public async Task<Outcome<RollCall>> HandleAsync(ClaimsPrincipal user, TakeRollCallRequest request, CancellationToken cancellationToken)
    {
        var group = await directory.GetClassGroupAsync(request.ClassGroupId, cancellationToken);
        var actor = await relations.ForUserAsync(user, cancellationToken);
        if (group is null || !Visibility.CanTeach(actor, group))
        {
            return Outcome<RollCall>.NotFound();
        }

        var today = tenant.Today(clock);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        if (calendar.YearOf(request.Date) is null)
        {
            return Outcome<RollCall>.Invalid("Date", localizer["Cette date n’est dans aucune année scolaire."]);
        }

        if (request.Date > today)
        {
            return Outcome<RollCall>.Invalid("Date", localizer["On ne fait pas l’appel d’une séance à venir."]);
        }

        var pupils = (await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken)).Select(p => p.Id).ToHashSet();
        var errors = new List<FieldError>();
        foreach (var line in request.Lines)
        {
            if (!pupils.Contains(line.PupilId))
            {
                errors.Add(new(string.Empty, localizer["Un élève de la feuille n’est plus dans ce groupe : rechargez la page."]));
                break;
            }

            if (line.Presence == Presence.Late && line.LateMinutes is not (>= 1 and <= MaxLateMinutes))
            {
                errors.Add(new($"Minutes[{line.PupilId}]", localizer["Indiquez le retard en minutes, de 1 à {0}.", MaxLateMinutes]));
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<RollCall>.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var rollCall = await db.RollCalls.FirstOrDefaultAsync(r => r.ClassGroupId == group.Id && r.Date == request.Date && r.StartsAt == request.StartsAt, cancellationToken);
        if (rollCall is not null && request.Version != rollCall.Version)
        {
            return Outcome<RollCall>.Invalid(string.Empty, localizer["Cet appel a été enregistré par quelqu’un d’autre pendant que vous le faisiez. Vos choix sont ci-dessous : vérifiez-les et enregistrez à nouveau."]);
        }

        if (rollCall is null)
        {
            rollCall = new RollCall { SchoolId = group.SchoolId, ClassGroupId = group.Id, Date = request.Date, StartsAt = request.StartsAt, TakenById = actor.AccountId, TakenAt = now, UpdatedAt = now };
            db.RollCalls.Add(rollCall);
        }
        else
        {
            rollCall.TakenById = actor.AccountId;
            rollCall.UpdatedAt = now;
            rollCall.Version++;
        }

        var existing = await db.Absences.Where(a => a.RollCallId == rollCall.Id).ToDictionaryAsync(a => a.PupilId, cancellationToken);
        var notices = await db.AbsenceNotices.AsNoTracking()
            .Where(n => pupils.Contains(n.PupilId) && n.FromDate <= request.Date && n.ToDate >= request.Date)
            .ToListAsync(cancellationToken);
        var delay = TimeSpan.FromMinutes((await settings.GetAsync(group.SchoolId, cancellationToken)).AbsenceNoticeDelayMinutes);
        foreach (var line in request.Lines)
        {
            var absence = existing.GetValueOrDefault(line.PupilId);
            if (line.Presence == Presence.Present)
            {
                if (absence is not null)
                {
                    db.Absences.Remove(absence);
                }

                continue;
            }

            var kind = line.Presence == Presence.Late ? AttendanceKind.Late : AttendanceKind.Absent;
            if (absence is null)
            {
                absence = new Absence
                {
                    SchoolId = group.SchoolId,
                    ClassGroupId = group.Id,
                    RollCallId = rollCall.Id,
                    PupilId = line.PupilId,
                    Date = request.Date,
                    StartsAt = request.StartsAt,
                    HalfDay = Absence.HalfDayOf(request.StartsAt),
                    RecordedAt = now,
                };
                db.Absences.Add(absence);
                if (notices.FirstOrDefault(n => n.PupilId == line.PupilId) is { } notice)
                {
                    // The family announced it: their reason stands as the justification, for school-life staff to validate.
                    absence.Justify(notice.Reason, notice.Comment, null, null, notice.AnnouncedById, now);
                }
                else
                {
                    db.Publish(new AbsenceNoticeDue(absence.Id), now + delay);
                }
            }

            absence.Kind = kind;
            absence.LateMinutes = kind == AttendanceKind.Late ? line.LateMinutes : null;
            absence.RecordedById = actor.AccountId;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save of the same session won the race (unique session index or version check).
            db.ChangeTracker.Clear();
            return Outcome<RollCall>.Invalid(string.Empty, localizer["Cet appel a été enregistré par quelqu’un d’autre pendant que vous le faisiez. Vos choix sont ci-dessous : vérifiez-les et enregistrez à nouveau."]);
        }

        return Outcome<RollCall>.Success(rollCall);
    }
}
