using Microsoft.EntityFrameworkCore;
using Preau.SchoolLife.Data;

namespace Preau.SchoolLife.Assessments;

/// <summary>A competency with the pupil's latest level in the period, if assessed.</summary>
internal sealed record CompetencyLevel(Competency Competency, MasteryLevel? Level, DateOnly? AssessedOn);

/// <summary>A primary pupil's period: competencies of the cycle with their latest level, the report and who acknowledged it.</summary>
internal sealed record CompetencyReport(int Cycle, IReadOnlyList<CompetencyLevel> Competencies, PeriodReport? Report, IReadOnlyList<PeriodReportAcknowledgement> Acknowledgements);

/// <summary>The read side of competencies (three queries).</summary>
internal sealed class ReadCompetencies(SchoolLifeDbContext db)
{
    public async Task<CompetencyReport> ReportAsync(Guid pupilId, Guid classGroupId, int cycle, DateOnly from, DateOnly to, int period, bool sharedOnly, CancellationToken cancellationToken)
    {
        var competencies = await db.Competencies.AsNoTracking().Where(c => c.Cycle == cycle && !c.IsRetired).OrderBy(c => c.Order).ToListAsync(cancellationToken);
        var assessed = await db.CompetencyAssessments.AsNoTracking()
            .Where(a => a.PupilId == pupilId && a.AssessedOn >= from && a.AssessedOn <= to)
            .ToListAsync(cancellationToken);
        var latest = assessed.GroupBy(a => a.CompetencyId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedOn).First());
        var report = await db.PeriodReports.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PupilId == pupilId && r.ClassGroupId == classGroupId && r.Period == period && (!sharedOnly || r.SharedAt != null), cancellationToken);
        var acknowledgements = report is null
            ? []
            : await db.PeriodReportAcknowledgements.AsNoTracking().Where(a => a.ReportId == report.Id).OrderBy(a => a.AcknowledgedAt).ToListAsync(cancellationToken);
        return new CompetencyReport(
            cycle,
            competencies.Select(c => latest.TryGetValue(c.Id, out var a) ? new CompetencyLevel(c, a.Level, a.AssessedOn) : new CompetencyLevel(c, null, null)).ToList(),
            report,
            acknowledgements);
    }
}
