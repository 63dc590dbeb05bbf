using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;
using Preau.SchoolLife.Absences;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.LiaisonNotebook;

namespace Preau.SchoolLife.Demo;

/// <summary>
/// The liaison notebook, absences and assessments of the demo town of Valmont, so that every printed
/// account has something to see: parent.martin two notes to sign (one an outing authorization), Lucas's
/// absence to justify, Léa's new marks and Lucas's periodic report; eleve.lucas his absence and
/// competencies; enseignante.cm2 who has answered; professeur.maths his assessments; cpe.hugo a
/// justification to validate and a pupil above the threshold. Deterministic, relative to the day it runs.
/// </summary>
internal sealed class FamilyLinkDemoSeed(
    SchoolLifeDbContext db,
    IStructureDirectory directory,
    ImportCurriculum curriculum,
    SendNote notes,
    TenantContext tenant,
    TimeProvider clock) : IDemoSeed
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var defaults = ImportCurriculum.OpenDefault())
        {
            await curriculum.HandleAsync(defaults, cancellationToken);
        }

        var schools = await directory.ListSchoolsAsync(cancellationToken);
        var elementary = schools.First(s => s.Kind == SchoolKind.Elementaire);
        var college = schools.First(s => s.Kind == SchoolKind.College);
        var cm2 = (await directory.ListClassGroupsOfSchoolAsync(elementary.Id, cancellationToken)).First(c => c.Level == "CM2");
        var sixiemeA = (await directory.ListClassGroupsOfSchoolAsync(college.Id, cancellationToken)).First(c => c.Name == "6e A");
        var cm2Pupils = await directory.ListPupilsOfGroupAsync(cm2.Id, cancellationToken);
        var sixiemePupils = await directory.ListPupilsOfGroupAsync(sixiemeA.Id, cancellationToken);
        var lucas = cm2Pupils.First(p => p.FirstName == "Lucas" && p.LastName == "Martin");
        var lea = sixiemePupils.First(p => p.FirstName == "Léa" && p.LastName == "Martin");
        var cm2Teacher = (await directory.ListTeachersOfGroupAsync(cm2.Id, cancellationToken))[0];
        var collegeStaff = await directory.ListStaffOfSchoolAsync(college.Id, cancellationToken: cancellationToken);
        var cpe = collegeStaff.First(s => s.Profile == Profile.SchoolLifeStaff);
        var maths = (await directory.ListTeachingOfGroupsAsync([sixiemeA.Id], cancellationToken)).First(t => t.Subject == "Mathématiques");
        var guardians = await directory.ListGuardiansOfPupilsAsync(cm2Pupils.Concat(sixiemePupils).Select(p => p.Id), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = tenant.Today(clock);
        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);

        // Notes: an outing authorization to the CM2 families (some answered already), a meeting to the 6e A families.
        var outing = AddNote(elementary.Id, cm2Teacher.Id, NoteAudience.ClassGroup, cm2.Id, cm2.Name, "Sortie au musée de la Résistance",
            "<p>La classe visitera le musée de la Résistance jeudi prochain, de 9 h à 16 h. Prévoir un pique-nique.</p><p>Merci d’autoriser votre enfant à participer à la sortie.</p>",
            NoteAnswerKind.YesNo, authorization: true, now.AddDays(-2), guardians.Where(g => cm2Pupils.Any(p => p.Id == g.PupilId)).ToList(),
            answered: (row, index) => row.PupilId != lucas.Id && index % 3 != 2);
        var meeting = AddNote(college.Id, cpe.AccountId, NoteAudience.ClassGroup, sixiemeA.Id, sixiemeA.Name, "Rencontres parents-professeurs",
            "<p>Les rencontres parents-professeurs de 6e A auront lieu mardi de 17 h à 20 h. Merci d’en accuser réception.</p>",
            NoteAnswerKind.None, authorization: false, now.AddDays(-1), guardians.Where(g => sixiemePupils.Any(p => p.Id == g.PupilId)).ToList(),
            answered: (row, index) => row.PupilId != lea.Id && index % 2 == 0);
        notes.Notify(outing, guardians.Where(g => g.PupilId == lucas.Id).Select(g => g.GuardianId).Distinct(), reminder: false);
        notes.Notify(meeting, guardians.Where(g => g.PupilId == lea.Id).Select(g => g.GuardianId).Distinct(), reminder: false);

        if (calendar.YearOf(today) is { } year)
        {
            var schoolDays = Enumerable.Range(1, 40).Select(i => today.AddDays(-i)).Where(calendar.IsSchoolDay).Where(d => d >= year.StartsOn).ToList();
            if (schoolDays.Count >= 6)
            {
                AddAbsences(elementary, cm2, cm2Teacher.Id, lucas, schoolDays, now);
                AddCollegeAbsences(college, sixiemeA, maths.TeacherId, cpe.AccountId, lea, sixiemePupils, schoolDays, today, now);
                AddMarks(college, sixiemeA, maths.TeacherId, sixiemePupils, year, schoolDays, now);
                AddCompetencies(elementary, cm2, cm2Teacher.Id, lucas, year, schoolDays[0], now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private LiaisonNote AddNote(Guid schoolId, Guid authorId, NoteAudience audience, Guid audienceId, string label, string title, string body, NoteAnswerKind answer, bool authorization, DateTime sentAt, IReadOnlyList<GuardianInfo> recipients, Func<NoteRecipient, int, bool> answered)
    {
        var note = new LiaisonNote
        {
            SchoolId = schoolId, AuthorId = authorId, Audience = audience, AudienceId = audienceId, AudienceLabel = label, Title = title, Body = body,
            RequiresAcknowledgement = true, AnswerKind = answer, IsAuthorization = authorization, SentAt = sentAt,
        };
        db.LiaisonNotes.Add(note);
        var index = 0;
        foreach (var guardian in recipients)
        {
            var row = new NoteRecipient
            {
                NoteId = note.Id, PupilId = guardian.PupilId, GuardianId = guardian.GuardianId, HasParentalAuthority = guardian.HasParentalAuthority,
                AnswerExpected = answer != NoteAnswerKind.None, ActionExpected = true,
            };
            if (answered(row, index++))
            {
                var at = sentAt.AddHours(3 + index);
                if (answer == NoteAnswerKind.None)
                {
                    row.Acknowledge(at, byEmailLink: index % 2 == 0);
                }
                else if (guardian.HasParentalAuthority)
                {
                    row.Answer(index % 7 != 0, null, at);
                }
            }

            db.NoteRecipients.Add(row);
        }

        return note;
    }

    private void AddAbsences(SchoolInfo school, ClassGroupInfo group, Guid teacherId, PupilInfo lucas, List<DateOnly> days, DateTime now)
    {
        // Lucas missed the last school morning: his family is asked to justify it.
        var rollCall = NewRollCall(school.Id, group.Id, days[0], new TimeOnly(8, 30), teacherId, now);
        db.Absences.Add(NewAbsence(rollCall, lucas.Id, AttendanceKind.Absent, null, teacherId, now.AddHours(-20)));
    }

    private void AddCollegeAbsences(SchoolInfo school, ClassGroupInfo group, Guid teacherId, Guid cpeId, PupilInfo lea, IReadOnlyList<PupilInfo> pupils, List<DateOnly> days, DateOnly today, DateTime now)
    {
        // Léa was late once (justified and accepted); a classmate's justification waits for cpe.hugo.
        var late = NewRollCall(school.Id, group.Id, days[1], new TimeOnly(8, 0), teacherId, now);
        var leaLate = NewAbsence(late, lea.Id, AttendanceKind.Late, 10, teacherId, now.AddDays(-2));
        leaLate.Justify(AbsenceReason.TransportDifficulty, "Bus en retard.", null, null, lea.Id, now.AddDays(-2));
        leaLate.Review(accept: true, null, cpeId, now.AddDays(-1));
        db.Absences.Add(leaLate);
        var classmate = pupils.First(p => p.Id != lea.Id);
        var pending = NewAbsence(late, classmate.Id, AttendanceKind.Absent, null, teacherId, now.AddDays(-2));
        pending.Justify(AbsenceReason.Illness, "Fièvre, certificat à venir.", null, null, classmate.Id, now.AddDays(-1));
        db.Absences.Add(pending);

        // Another classmate missed four half-days this month without a reason: above the legal threshold.
        var truant = pupils.Last(p => p.Id != lea.Id);
        var thisMonth = days.Where(d => d.Month == today.Month).Take(2).ToList();
        if (thisMonth.Count < 2)
        {
            thisMonth = days.Take(2).ToList();
        }

        foreach (var day in thisMonth)
        {
            foreach (var start in new[] { new TimeOnly(8, 0), new TimeOnly(14, 0) })
            {
                var call = day == days[1] && start == new TimeOnly(8, 0) ? late : NewRollCall(school.Id, group.Id, day, start, teacherId, now);
                db.Absences.Add(NewAbsence(call, truant.Id, AttendanceKind.Absent, null, teacherId, now.AddDays(-1)));
            }
        }
    }

    private void AddMarks(SchoolInfo school, ClassGroupInfo group, Guid teacherId, IReadOnlyList<PupilInfo> pupils, SchoolYearInfo year, List<DateOnly> days, DateTime now)
    {
        var random = new Random(2026);
        foreach (var (title, day, scale, coefficient, publishedDaysAgo) in new[] { ("Fractions", days[5], 20m, 2m, 6), ("Calcul mental", days[2], 10m, 1m, 1) })
        {
            var assessment = new Assessment
            {
                SchoolId = school.Id, ClassGroupId = group.Id, TeacherId = teacherId, Subject = "Mathématiques", Title = title, Date = day,
                Scale = scale, Coefficient = coefficient, CreatedAt = now.AddDays(-publishedDaysAgo - 1), PublishedAt = now.AddDays(-publishedDaysAgo),
            };
            db.Assessments.Add(assessment);
            foreach (var pupil in pupils)
            {
                var absent = random.Next(20) == 0;
                db.Marks.Add(new Mark
                {
                    AssessmentId = assessment.Id, PupilId = pupil.Id,
                    Status = absent ? MarkStatus.Absent : MarkStatus.Graded,
                    Value = absent ? null : Math.Round(scale * (0.35m + (0.6m * (decimal)random.NextDouble())) * 2, MidpointRounding.AwayFromZero) / 2,
                });
            }
        }

        var period = SchoolPeriods.Current(SchoolPeriods.Of(year, Settings.PeriodKind.Trimesters), days[0]).Number;
        foreach (var pupil in pupils.Take(5))
        {
            db.SubjectAppreciations.Add(new SubjectAppreciation { ClassGroupId = group.Id, PupilId = pupil.Id, Subject = "Mathématiques", Period = period, TeacherId = teacherId, Text = "Travail régulier, bonne participation à l’oral.", UpdatedAt = now });
        }
    }

    private void AddCompetencies(SchoolInfo school, ClassGroupInfo group, Guid teacherId, PupilInfo lucas, SchoolYearInfo year, DateOnly day, DateTime now)
    {
        var levels = new[] { MasteryLevel.Achieved, MasteryLevel.Exceeded, MasteryLevel.PartiallyAchieved, MasteryLevel.Achieved };
        var cycle3 = db.Competencies.Local.Where(c => c.Cycle == 3).OrderBy(c => c.Order).Take(8).ToList();
        for (var i = 0; i < cycle3.Count; i++)
        {
            db.CompetencyAssessments.Add(new CompetencyAssessment { ClassGroupId = group.Id, PupilId = lucas.Id, CompetencyId = cycle3[i].Id, Level = levels[i % levels.Length], AssessedOn = day, TeacherId = teacherId });
        }

        var period = SchoolPeriods.Current(SchoolPeriods.Of(year, Settings.PeriodKind.Trimesters), day).Number;
        db.PeriodReports.Add(new PeriodReport
        {
            SchoolId = school.Id, ClassGroupId = group.Id, PupilId = lucas.Id, Period = period, TeacherId = teacherId, UpdatedAt = now, SharedAt = now.AddHours(-5),
            Appreciation = "Lucas progresse bien en lecture et participe avec plaisir. Il doit encore gagner en soin dans ses écrits.",
        });
    }

    private RollCall NewRollCall(Guid schoolId, Guid groupId, DateOnly date, TimeOnly start, Guid teacherId, DateTime now)
    {
        var rollCall = new RollCall { SchoolId = schoolId, ClassGroupId = groupId, Date = date, StartsAt = start, TakenById = teacherId, TakenAt = now, UpdatedAt = now };
        db.RollCalls.Add(rollCall);
        return rollCall;
    }

    private static Absence NewAbsence(RollCall rollCall, Guid pupilId, AttendanceKind kind, int? minutes, Guid teacherId, DateTime notifiedAt) => new()
    {
        SchoolId = rollCall.SchoolId, ClassGroupId = rollCall.ClassGroupId, RollCallId = rollCall.Id, PupilId = pupilId, Date = rollCall.Date, StartsAt = rollCall.StartsAt,
        HalfDay = Absence.HalfDayOf(rollCall.StartsAt), Kind = kind, LateMinutes = minutes, RecordedById = teacherId, RecordedAt = notifiedAt, NotifiedAt = notifiedAt,
    };
}
