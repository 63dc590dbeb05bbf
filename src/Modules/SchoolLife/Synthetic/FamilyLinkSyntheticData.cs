using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.LiaisonNotebook;

namespace Preau.SchoolLife.Synthetic;

/// <summary>
/// The school year so far of a generated territory, for the benchmark (docs/performance.md): per class,
/// two roll calls a school day with about 3 % of pupils absent (a third of them unjustified, a few late),
/// a note to the families every three weeks and one to the whole school every two months (acknowledged by
/// about 70 % of guardians), in secondary schools one assessment per subject and month with marks for
/// every pupil, in primary schools a few competencies assessed per pupil and month. Written school by
/// school in batches, change tracking cleared in between; deterministic for a given seed.
/// </summary>
internal sealed class FamilyLinkSyntheticData(SchoolLifeDbContext db, IStructureDirectory directory, ImportCurriculum curriculum, TenantContext tenant, TimeProvider clock) : ISyntheticData
{
    private const int BatchSize = 5_000;

    public int Order => 30;

    public async Task GenerateAsync(SyntheticScale scale, CancellationToken cancellationToken)
    {
        await using (var defaults = ImportCurriculum.OpenDefault())
        {
            await curriculum.HandleAsync(defaults, cancellationToken);
        }

        var competencies = await db.Competencies.AsNoTracking().Where(c => !c.IsRetired).Select(c => new { c.Id, c.Cycle }).ToListAsync(cancellationToken);
        var byCycle = competencies.GroupBy(c => c.Cycle).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var today = tenant.Today(clock);
        if (calendar.YearOf(today) is not { } year)
        {
            return;
        }

        var days = new List<DateOnly>();
        for (var day = year.StartsOn; day < today; day = day.AddDays(1))
        {
            if (calendar.IsSchoolDay(day))
            {
                days.Add(day);
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(scale.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var school in await directory.ListSchoolsAsync(cancellationToken))
        {
            var groups = (await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken)).Where(g => g.Kind == ClassGroupKind.Class).ToList();
            var pupils = await directory.ListPupilsOfSchoolAsync(school.Id, cancellationToken);
            var guardians = (await directory.ListGuardiansOfPupilsAsync(pupils.Select(p => p.Id), cancellationToken)).ToLookup(g => g.PupilId);
            var teaching = (await directory.ListTeachingOfGroupsAsync(groups.Select(g => g.Id), cancellationToken)).ToLookup(t => t.ClassGroupId);
            var byClass = pupils.Where(p => p.ClassId is not null).ToLookup(p => p.ClassId!.Value);
            var secondary = school.Kind is SchoolKind.College or SchoolKind.Lycee;
            foreach (var group in groups)
            {
                var classPupils = byClass[group.Id].ToList();
                var teachers = teaching[group.Id].ToList();
                if (classPupils.Count == 0 || teachers.Count == 0)
                {
                    continue;
                }

                AddRollCalls(school, group, teachers[0].TeacherId, classPupils, days, random, now);
                AddNotes(school.Id, teachers[0].TeacherId, NoteAudience.ClassGroup, group.Id, group.Name, classPupils, guardians, days, 15, random);
                if (secondary)
                {
                    AddMarks(school, group, teachers, classPupils, days, random, now);
                }
                else if (Cycles.Of(group.Level) is { } cycle && byCycle.TryGetValue(cycle, out var ids))
                {
                    AddCompetencies(group, teachers[0].TeacherId, classPupils, ids, days, random);
                }

                await FlushIfFullAsync(cancellationToken);
            }

            AddNotes(school.Id, teaching[groups.FirstOrDefault()?.Id ?? Guid.Empty].FirstOrDefault()?.TeacherId ?? Guid.Empty, NoteAudience.School, school.Id, school.Name, pupils, guardians, days, 40, random);
            await FlushAsync(cancellationToken);
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private void AddRollCalls(SchoolInfo school, ClassGroupInfo group, Guid teacherId, List<PupilInfo> pupils, List<DateOnly> days, Random random, DateTime now)
    {
        foreach (var day in days)
        {
            foreach (var start in day.DayOfWeek == DayOfWeek.Wednesday ? [new TimeOnly(8, 30)] : new[] { new TimeOnly(8, 30), new TimeOnly(13, 30) })
            {
                var rollCall = new RollCall { SchoolId = school.Id, ClassGroupId = group.Id, Date = day, StartsAt = start, TakenById = teacherId, TakenAt = now, UpdatedAt = now };
                db.RollCalls.Add(rollCall);
                foreach (var pupil in pupils)
                {
                    var draw = random.NextDouble();
                    if (draw >= 0.035)
                    {
                        continue;
                    }

                    var absence = new Absence
                    {
                        SchoolId = school.Id, ClassGroupId = group.Id, RollCallId = rollCall.Id, PupilId = pupil.Id, Date = day, StartsAt = start,
                        HalfDay = Absence.HalfDayOf(start), Kind = draw < 0.005 ? AttendanceKind.Late : AttendanceKind.Absent, LateMinutes = draw < 0.005 ? 5 + random.Next(20) : null,
                        RecordedById = teacherId, RecordedAt = now, NotifiedAt = now,
                    };
                    if (random.NextDouble() < 0.66)
                    {
                        absence.Justify(AbsenceReason.Illness, null, null, null, pupil.Id, now);
                        if (day < days[^1].AddDays(-7))
                        {
                            absence.Review(accept: random.NextDouble() < 0.95, "Motif non recevable.", teacherId, now);
                        }
                    }

                    db.Absences.Add(absence);
                }
            }
        }
    }

    private void AddNotes(Guid schoolId, Guid authorId, NoteAudience audience, Guid audienceId, string label, IEnumerable<PupilInfo> pupils, ILookup<Guid, GuardianInfo> guardians, List<DateOnly> days, int everyDays, Random random)
    {
        for (var i = everyDays / 2; i < days.Count; i += everyDays)
        {
            var sentAt = tenant.ToUtc(days[i], new TimeOnly(16, 30));
            var authorization = random.Next(4) == 0;
            var note = new LiaisonNote
            {
                SchoolId = schoolId, AuthorId = authorId, Audience = audience, AudienceId = audienceId, AudienceLabel = label,
                Title = authorization ? "Autorisation de sortie" : "Information aux familles", Body = "<p>Message aux familles.</p>",
                RequiresAcknowledgement = true, AnswerKind = authorization ? NoteAnswerKind.YesNo : NoteAnswerKind.None, IsAuthorization = authorization, SentAt = sentAt,
            };
            db.LiaisonNotes.Add(note);
            foreach (var guardian in pupils.SelectMany(p => guardians[p.Id]))
            {
                var row = new NoteRecipient
                {
                    NoteId = note.Id, PupilId = guardian.PupilId, GuardianId = guardian.GuardianId, HasParentalAuthority = guardian.HasParentalAuthority,
                    AnswerExpected = authorization, ActionExpected = true,
                };
                if (random.NextDouble() < 0.7)
                {
                    if (authorization && guardian.HasParentalAuthority)
                    {
                        row.Answer(random.NextDouble() < 0.9, null, sentAt.AddHours(4));
                    }
                    else
                    {
                        row.Acknowledge(sentAt.AddHours(4), byEmailLink: random.Next(3) == 0);
                    }
                }

                db.NoteRecipients.Add(row);
            }
        }
    }

    private void AddMarks(SchoolInfo school, ClassGroupInfo group, List<TeachingInfo> teachers, List<PupilInfo> pupils, List<DateOnly> days, Random random, DateTime now)
    {
        foreach (var teacher in teachers.Where(t => !string.IsNullOrEmpty(t.Subject)))
        {
            for (var i = 10 + random.Next(10); i < days.Count; i += 20)
            {
                var assessment = new Assessment
                {
                    SchoolId = school.Id, ClassGroupId = group.Id, TeacherId = teacher.TeacherId, Subject = teacher.Subject!, Title = "Évaluation", Date = days[i],
                    Scale = 20, Coefficient = 1 + random.Next(2), CreatedAt = now, PublishedAt = tenant.ToUtc(days[Math.Min(i + 3, days.Count - 1)], new TimeOnly(18, 0)),
                };
                db.Assessments.Add(assessment);
                foreach (var pupil in pupils)
                {
                    var absent = random.Next(30) == 0;
                    db.Marks.Add(new Mark
                    {
                        AssessmentId = assessment.Id, PupilId = pupil.Id, Status = absent ? MarkStatus.Absent : MarkStatus.Graded,
                        Value = absent ? null : Math.Round((decimal)(4 + (random.NextDouble() * 16)) * 2, MidpointRounding.AwayFromZero) / 2,
                    });
                }
            }
        }
    }

    private void AddCompetencies(ClassGroupInfo group, Guid teacherId, List<PupilInfo> pupils, Guid[] competencies, List<DateOnly> days, Random random)
    {
        for (var i = 15; i < days.Count; i += 20)
        {
            foreach (var pupil in pupils)
            {
                foreach (var competency in competencies.OrderBy(_ => random.Next()).Take(3))
                {
                    db.CompetencyAssessments.Add(new CompetencyAssessment
                    {
                        ClassGroupId = group.Id, PupilId = pupil.Id, CompetencyId = competency, TeacherId = teacherId, AssessedOn = days[i],
                        Level = (MasteryLevel)(1 + Math.Min(3, (int)(random.NextDouble() * 4.4))),
                    });
                }
            }
        }
    }

    private async Task FlushIfFullAsync(CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.Entries().Count() >= BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
