using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Contracts;
using Preau.Identity.Contracts;
using Preau.SchoolLife.Common;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Settings;

namespace Preau.SchoolLife.Assessments;

/// <summary>The cycles of French primary schooling (Code de l’éducation, D311-10).</summary>
internal static class Cycles
{
    /// <summary>1 for the maternelle, 2 for CP–CE2, 3 for CM1–6e; null for other levels.</summary>
    public static int? Of(string? level) => level switch
    {
        "TPS" or "PS" or "MS" or "GS" => 1,
        "CP" or "CE1" or "CE2" => 2,
        "CM1" or "CM2" or "6e" => 3,
        _ => null,
    };
}

/// <summary>A teacher's assessment of one pupil on some competencies, on one day (null levels are left unassessed).</summary>
internal sealed record AssessCompetenciesRequest(Guid ClassGroupId, Guid PupilId, DateOnly Date, IReadOnlyDictionary<Guid, MasteryLevel?> Levels);

/// <summary>The teacher's periodic report of a pupil: an appreciation for the period, shared with the family or kept as a draft.</summary>
internal sealed record WritePeriodReportRequest(Guid ClassGroupId, Guid PupilId, int Period, string? Appreciation, bool Share);

/// <summary>
/// Primary school: the teacher of the class (or the head) assesses a pupil on the curriculum's competencies
/// of the class's cycle, with the four levels of mastery, and writes the periodic report that the family
/// acknowledges. A later assessment of the same competency on the same day replaces the earlier one.
/// </summary>
internal sealed class AssessCompetencies(
    SchoolLifeDbContext db,
    IAccountRelations relations,
    IStructureDirectory directory,
    SchoolLifeSettingsStore settings,
    IStringLocalizer localizer,
    TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(ClaimsPrincipal user, AssessCompetenciesRequest request, CancellationToken cancellationToken)
    {
        if (await GroupOfPupilAsync(user, request.ClassGroupId, request.PupilId, cancellationToken) is not { } found)
        {
            return Outcome<int>.NotFound();
        }

        var (actor, group) = found;
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        if (calendar.YearOf(request.Date) is not { } year || year.Id != group.SchoolYearId)
        {
            return Outcome<int>.Invalid("Date", localizer["La date doit être dans l’année scolaire du groupe."]);
        }

        var cycle = Cycles.Of(group.Level);
        var ids = request.Levels.Keys.ToList();
        var offered = await db.Competencies.Where(c => ids.Contains(c.Id) && c.Cycle == cycle && !c.IsRetired).Select(c => c.Id).ToListAsync(cancellationToken);
        if (offered.Count != ids.Count || request.Levels.Values.Any(l => l is { } level && !Enum.IsDefined(level)))
        {
            return Outcome<int>.Invalid(string.Empty, localizer["Une compétence ou un niveau n’existe pas pour ce cycle : rechargez la page."]);
        }

        var sameDay = await db.CompetencyAssessments
            .Where(a => a.PupilId == request.PupilId && a.AssessedOn == request.Date && ids.Contains(a.CompetencyId))
            .ToDictionaryAsync(a => a.CompetencyId, cancellationToken);
        var count = 0;
        foreach (var (competencyId, level) in request.Levels)
        {
            var existing = sameDay.GetValueOrDefault(competencyId);
            if (level is not { } chosen)
            {
                continue;
            }

            if (existing is null)
            {
                db.CompetencyAssessments.Add(new CompetencyAssessment { ClassGroupId = group.Id, PupilId = request.PupilId, CompetencyId = competencyId, Level = chosen, AssessedOn = request.Date, TeacherId = actor.AccountId });
            }
            else
            {
                existing.Level = chosen;
                existing.TeacherId = actor.AccountId;
            }

            count++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Success(count);
    }

    public async Task<Outcome<PeriodReport>> WriteReportAsync(ClaimsPrincipal user, WritePeriodReportRequest request, CancellationToken cancellationToken)
    {
        if (await GroupOfPupilAsync(user, request.ClassGroupId, request.PupilId, cancellationToken) is not { } found)
        {
            return Outcome<PeriodReport>.NotFound();
        }

        var (actor, group) = found;
        var text = request.Appreciation?.Trim() ?? string.Empty;
        if (request.Period is < 1 or > 3)
        {
            return Outcome<PeriodReport>.Invalid("Period", localizer["Période inconnue."]);
        }

        if (text.Length > PeriodReport.AppreciationMaxLength)
        {
            return Outcome<PeriodReport>.Invalid("Appreciation", localizer["L’appréciation ne dépasse pas {0} caractères.", PeriodReport.AppreciationMaxLength]);
        }

        if (request.Share && text.Length == 0)
        {
            return Outcome<PeriodReport>.Invalid("Appreciation", localizer["Écrivez l’appréciation avant de partager le bilan."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var report = await db.PeriodReports.FirstOrDefaultAsync(r => r.PupilId == request.PupilId && r.ClassGroupId == group.Id && r.Period == request.Period, cancellationToken);
        if (report is null)
        {
            report = new PeriodReport { SchoolId = group.SchoolId, ClassGroupId = group.Id, PupilId = request.PupilId, Period = request.Period, Appreciation = text, TeacherId = actor.AccountId, UpdatedAt = now };
            db.PeriodReports.Add(report);
        }

        report.Appreciation = text;
        report.TeacherId = actor.AccountId;
        report.UpdatedAt = now;
        if (request.Share && report.SharedAt is null)
        {
            report.SharedAt = now;
            var schoolSettings = await settings.GetAsync(group.SchoolId, cancellationToken);
            var guardians = (await directory.ListGuardiansOfPupilsAsync([request.PupilId], cancellationToken))
                .Where(g => g.HasParentalAuthority || schoolSettings.NonCustodialSeeAssessments).Select(g => g.GuardianId).Distinct().ToList();
            var pupil = await directory.GetPupilsAsync([request.PupilId], cancellationToken) is [var p, ..] ? p.FirstName : string.Empty;
            if (guardians.Count > 0)
            {
                db.Publish(new NotificationRequested(guardians, "schoollife.assessment", NotificationKind.ActionRequired,
                    Platform.Localization.Text.Fr("Bilan périodique de {0} à consulter"), [pupil], $"/evaluations/eleve/{request.PupilId}?periode={request.Period}", group.SchoolId));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome<PeriodReport>.Success(report);
    }

    /// <summary>A guardian acknowledges a shared periodic report of their child; twice keeps the first date.</summary>
    public async Task<Outcome<DateTime>> AcknowledgeReportAsync(ClaimsPrincipal user, Guid reportId, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(user, cancellationToken);
        var report = await db.PeriodReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId && r.SharedAt != null, cancellationToken);
        if (report is null || !Visibility.GuardianSees(actor, report.PupilId, await settings.GetAsync(report.SchoolId, cancellationToken), SchoolLifeArea.Assessments))
        {
            return Outcome<DateTime>.NotFound();
        }

        var existing = await db.PeriodReportAcknowledgements.AsNoTracking().FirstOrDefaultAsync(a => a.ReportId == reportId && a.GuardianId == actor.AccountId, cancellationToken);
        if (existing is not null)
        {
            return Outcome<DateTime>.Invalid(string.Empty, localizer["Vous aviez déjà pris connaissance de ce bilan."]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.PeriodReportAcknowledgements.Add(new PeriodReportAcknowledgement { ReportId = reportId, GuardianId = actor.AccountId, AcknowledgedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<DateTime>.Invalid(string.Empty, localizer["Vous aviez déjà pris connaissance de ce bilan."]);
        }

        return Outcome<DateTime>.Success(now);
    }

    private async Task<(AccountRelations Actor, ClassGroupInfo Group)?> GroupOfPupilAsync(ClaimsPrincipal user, Guid groupId, Guid pupilId, CancellationToken cancellationToken)
    {
        var actor = await relations.ForUserAsync(user, cancellationToken);
        var group = await directory.GetClassGroupAsync(groupId, cancellationToken);
        if (group is null || !Visibility.CanTeach(actor, group) || Cycles.Of(group.Level) is null)
        {
            return null;
        }

        var pupils = await directory.ListPupilsOfGroupAsync(group.Id, cancellationToken);
        return pupils.Any(p => p.Id == pupilId) ? (actor, group) : null;
    }
}
