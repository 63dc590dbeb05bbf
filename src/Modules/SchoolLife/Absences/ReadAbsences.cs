using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Web;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Absences;

/// <summary>An absence waiting for school-life staff, with the pupil's name.</summary>
internal sealed record PendingJustification(Absence Absence, string PupilName, string? ClassName);

/// <summary>One pupil's line of the statistics.</summary>
internal sealed record PupilAttendance(PupilInfo Pupil, AttendanceSummary Summary);

/// <summary>One class's line of the statistics.</summary>
internal sealed record ClassAttendance(Guid ClassId, string ClassName, AttendanceSummary Summary);

/// <summary>A pupil above the threshold, with their name.</summary>
internal sealed record NamedAlert(PupilInfo Pupil, ThresholdAlert Alert);

/// <summary>Attendance of a school (or one class) over a period.</summary>
internal sealed record AttendanceReport(
    DateOnly From,
    DateOnly To,
    int SchoolHalfDays,
    AttendanceSummary Total,
    IReadOnlyList<ClassAttendance> Classes,
    IReadOnlyList<PupilAttendance> Pupils,
    IReadOnlyList<NamedAlert> Alerts);

/// <summary>The read side of absences: lists and statistics, a few indexed queries each.</summary>
internal sealed class ReadAbsences(SchoolLifeDbContext db, IStructureDirectory directory)
{
    public const int PageSize = 30;

    public Task<Absence?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Absences.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>A pupil's absences and late arrivals, newest first.</summary>
    public async Task<PageOf<Absence>> OfPupilAsync(Guid pupilId, int page, CancellationToken cancellationToken)
    {
        var query = db.Absences.AsNoTracking().Where(a => a.PupilId == pupilId);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(a => a.Date).ThenByDescending(a => a.StartsAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new PageOf<Absence>(items, page, PageSize, total);
    }

    /// <summary>Absences announced for the pupils, from today on.</summary>
    public async Task<IReadOnlyList<AbsenceNotice>> UpcomingNoticesAsync(IReadOnlyCollection<Guid> pupilIds, DateOnly today, CancellationToken cancellationToken) =>
        await db.AbsenceNotices.AsNoTracking().Where(n => pupilIds.Contains(n.PupilId) && n.ToDate >= today).OrderBy(n => n.FromDate).ToListAsync(cancellationToken);

    /// <summary>Justifications waiting for a decision in the schools, oldest first.</summary>
    public async Task<PageOf<PendingJustification>> PendingAsync(IReadOnlyCollection<Guid> schoolIds, int page, CancellationToken cancellationToken)
    {
        var query = db.Absences.AsNoTracking().Where(a => schoolIds.Contains(a.SchoolId) && a.State == JustificationState.Pending);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderBy(a => a.JustifiedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var pupils = (await directory.GetPupilsAsync(items.Select(a => a.PupilId), cancellationToken)).ToDictionary(p => p.Id);
        return new PageOf<PendingJustification>(
            items.Select(a => new PendingJustification(a, pupils.GetValueOrDefault(a.PupilId)?.DisplayName ?? "—", pupils.GetValueOrDefault(a.PupilId)?.ClassName)).ToList(),
            page, PageSize, total);
    }

    /// <summary>Counts and rates per pupil, class and school over a period, and the pupils above the monthly threshold.</summary>
    public async Task<AttendanceReport> StatisticsAsync(Guid schoolId, Guid? classId, DateOnly from, DateOnly to, int threshold, CancellationToken cancellationToken)
    {
        var pupils = (await directory.ListPupilsOfSchoolAsync(schoolId, cancellationToken))
            .Where(p => classId is null || p.ClassId == classId).ToList();
        var pupilIds = pupils.Select(p => p.Id).ToHashSet();
        var facts = (await db.Absences.AsNoTracking()
                .Where(a => a.SchoolId == schoolId && a.Date >= from && a.Date <= to)
                .Select(a => new { a.PupilId, a.Date, a.HalfDay, a.Kind, a.State })
                .ToListAsync(cancellationToken))
            .Where(a => pupilIds.Contains(a.PupilId))
            .Select(a => new AttendanceFact(a.PupilId, a.Date, a.HalfDay, a.Kind, a.State is JustificationState.Missing or JustificationState.Refused))
            .ToList();
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var halfDays = AttendanceStatistics.SchoolHalfDays(calendar, from, to);
        var byPupil = facts.ToLookup(f => f.PupilId);
        var pupilLines = pupils.Select(p => new PupilAttendance(p, AttendanceStatistics.Summarise(byPupil[p.Id], 1, halfDays))).ToList();
        var classes = pupils.Where(p => p.ClassId is not null).GroupBy(p => (Id: p.ClassId!.Value, Name: p.ClassName ?? string.Empty))
            .Select(g => new ClassAttendance(g.Key.Id, g.Key.Name, AttendanceStatistics.Summarise(g.SelectMany(p => byPupil[p.Id]), g.Count(), halfDays)))
            .OrderBy(c => c.ClassName).ToList();
        var byId = pupils.ToDictionary(p => p.Id);
        var alerts = AttendanceStatistics.AboveThreshold(facts, threshold).Select(a => new NamedAlert(byId[a.PupilId], a)).ToList();
        return new AttendanceReport(from, to, halfDays, AttendanceStatistics.Summarise(facts, pupils.Count, halfDays), classes, pupilLines, alerts);
    }
}
