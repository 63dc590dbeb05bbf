using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Assessments;

/// <summary>One published mark of a pupil in the report.</summary>
internal sealed record ReportMark(Guid AssessmentId, string Title, DateOnly Date, decimal Scale, decimal Coefficient, MarkStatus Status, decimal? Value, ClassSpread? AssessmentSpread);

/// <summary>One subject of a pupil's report: marks, the pupil's average, the class's spread of averages and the teacher's appreciation.</summary>
internal sealed record ReportSubject(string Subject, IReadOnlyList<ReportMark> Marks, decimal? Average, ClassSpread? ClassSpread, string? Appreciation);

/// <summary>A pupil's period report (bulletin).</summary>
internal sealed record PupilReport(IReadOnlyList<ReportSubject> Subjects, decimal? GeneralAverage, ClassSpread? GeneralSpread);

/// <summary>The marks of one assessment with the group's pupils.</summary>
internal sealed record MarkSheet(Assessment Assessment, ClassGroupInfo Group, IReadOnlyList<PupilInfo> Pupils, IReadOnlyDictionary<Guid, Mark> Marks, ClassSpread? Spread);

/// <summary>The read side of assessments: a group's assessments, an assessment's marks, a pupil's report (a few queries each).</summary>
internal sealed class ReadAssessments(SchoolLifeDbContext db, IStructureDirectory directory)
{
    public async Task<IReadOnlyList<Assessment>> OfGroupAsync(Guid groupId, CancellationToken cancellationToken) =>
        await db.Assessments.AsNoTracking().Where(a => a.ClassGroupId == groupId).OrderByDescending(a => a.Date).ThenBy(a => a.Subject).Take(200).ToListAsync(cancellationToken);

    public Task<Assessment?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<MarkSheet?> SheetAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        if (await directory.GetClassGroupAsync(assessment.ClassGroupId, cancellationToken) is not { } group)
        {
            return null;
        }

        var pupils = await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken);
        var marks = await db.Marks.AsNoTracking().Where(m => m.AssessmentId == assessment.Id).ToDictionaryAsync(m => m.PupilId, cancellationToken);
        var spread = Averages.Spread(marks.Values.Where(m => m.Status == MarkStatus.Graded).Select(m => m.Value));
        return new MarkSheet(assessment, group, pupils, marks, spread);
    }

    /// <summary>
    /// The pupil's report over a period: the published assessments of the pupil's classes and groups in it,
    /// per subject, with the class's spread computed over every pupil marked at those same assessments.
    /// </summary>
    public async Task<PupilReport> ReportAsync(Guid pupilId, IReadOnlyCollection<Guid> groupIds, DateOnly from, DateOnly to, int period, CancellationToken cancellationToken)
    {
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => groupIds.Contains(a.ClassGroupId) && a.PublishedAt != null && a.Date >= from && a.Date <= to)
            .OrderBy(a => a.Date)
            .ToListAsync(cancellationToken);
        var ids = assessments.Select(a => a.Id).ToList();
        var marks = await db.Marks.AsNoTracking().Where(m => ids.Contains(m.AssessmentId)).ToListAsync(cancellationToken);
        var appreciations = await db.SubjectAppreciations.AsNoTracking()
            .Where(a => a.PupilId == pupilId && a.Period == period && groupIds.Contains(a.ClassGroupId))
            .ToListAsync(cancellationToken);
        var byAssessment = marks.ToLookup(m => m.AssessmentId);
        var subjects = new List<ReportSubject>();
        var everyonesGeneral = new Dictionary<Guid, List<decimal?>>();
        foreach (var subject in assessments.GroupBy(a => a.Subject).OrderBy(g => g.Key, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)))
        {
            var weighted = subject.SelectMany(a => byAssessment[a.Id].Select(m => (m.PupilId, Mark: new WeightedMark(m.Status, m.Value, a.Scale, a.Coefficient)))).ToList();
            var averages = weighted.GroupBy(w => w.PupilId).ToDictionary(g => g.Key, g => Averages.SubjectAverage(g.Select(w => w.Mark)));
            foreach (var (pupil, average) in averages)
            {
                (everyonesGeneral.TryGetValue(pupil, out var list) ? list : everyonesGeneral[pupil] = []).Add(average);
            }

            var own = subject.Select(a => byAssessment[a.Id].FirstOrDefault(m => m.PupilId == pupilId) is { } mark
                    ? new ReportMark(a.Id, a.Title, a.Date, a.Scale, a.Coefficient, mark.Status, mark.Value, Averages.Spread(byAssessment[a.Id].Where(m => m.Status == MarkStatus.Graded).Select(m => m.Value)))
                    : null)
                .OfType<ReportMark>()
                .ToList();
            subjects.Add(new ReportSubject(subject.Key, own, averages.GetValueOrDefault(pupilId), Averages.Spread(averages.Values), appreciations.FirstOrDefault(a => a.Subject == subject.Key)?.Text));
        }

        var general = Averages.GeneralAverage(subjects.Select(s => s.Average));
        var generalSpread = Averages.Spread(everyonesGeneral.Values.Select(Averages.GeneralAverage));
        return new PupilReport(subjects, general, generalSpread);
    }
}
