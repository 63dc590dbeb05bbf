using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Text;
using static Preau.Platform.Localization.Text;

namespace Preau.Communication.SchoolCouncil;

/// <summary>A council as the pages see it: its school, and whether the reader is a chosen member.</summary>
internal sealed record CouncilView(SchoolCouncilSpace Council, SchoolInfo School, bool ChosenMember)
{
    public CouncilAccess Access => new(School.Id, ChosenMember);
}

/// <summary>A person who may be chosen as a member, for the head's select.</summary>
internal sealed record Candidate(Guid AccountId, string Name, CouncilRole Role);

/// <summary>The use cases of the school council space: open it, choose members, plan meetings, collect questions, minutes.</summary>
internal sealed class SchoolCouncils(CommunicationDbContext db, IStructureDirectory directory, Audiences audiences, RichText richText, TimeProvider clock)
{
    public async Task<CouncilView?> FindAsync(Guid councilId, Guid readerId, CancellationToken cancellationToken)
    {
        var council = await db.SchoolCouncils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, cancellationToken);
        var school = council is null ? null : await directory.GetSchoolAsync(council.SchoolId, cancellationToken);
        if (council is null || school is null)
        {
            return null;
        }

        var chosen = await db.CouncilMembers.AnyAsync(m => m.CouncilId == councilId && m.AccountId == readerId, cancellationToken);
        return new CouncilView(council, school, chosen);
    }

    /// <summary>Opens the council of a school for the current school year (once; a second call returns it).</summary>
    public async Task<SchoolCouncilSpace?> OpenAsync(Guid schoolId, CancellationToken cancellationToken)
    {
        if (await directory.GetCurrentSchoolYearAsync(cancellationToken) is not { } year)
        {
            return null;
        }

        if (await db.SchoolCouncils.FirstOrDefaultAsync(c => c.SchoolId == schoolId && c.SchoolYearId == year.Id, cancellationToken) is { } existing)
        {
            return existing;
        }

        var council = db.SchoolCouncils.Add(new SchoolCouncilSpace { SchoolId = schoolId, SchoolYearId = year.Id, SchoolYearLabel = year.Label, CreatedAt = clock.GetUtcNow().UtcDateTime }).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return council;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            db.Entry(council).State = EntityState.Detached;
            return await db.SchoolCouncils.FirstAsync(c => c.SchoolId == schoolId && c.SchoolYearId == year.Id, cancellationToken);
        }
    }

    /// <summary>The councils a reader may open this year: their schools' as staff, their children's, those they were chosen for.</summary>
    public async Task<IReadOnlyList<(SchoolCouncilSpace Council, string School)>> ForReaderAsync(Reader reader, CancellationToken cancellationToken)
    {
        var schoolIds = reader.SchoolIds.ToList();
        var me = reader.AccountId;
        var chosenIn = db.CouncilMembers.Where(m => m.AccountId == me).Select(m => m.CouncilId);
        var councils = await db.SchoolCouncils.AsNoTracking()
            .Where(c => schoolIds.Contains(c.SchoolId) || chosenIn.Contains(c.Id))
            .OrderByDescending(c => c.CreatedAt).Take(50).ToListAsync(cancellationToken);
        var names = (await directory.GetSchoolsAsync(councils.Select(c => c.SchoolId), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        return councils.Select(c => (c, names.GetValueOrDefault(c.SchoolId) ?? string.Empty)).ToList();
    }

    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(Guid schoolId, CancellationToken cancellationToken)
    {
        var pupils = await directory.ListPupilsOfSchoolAsync(schoolId, cancellationToken);
        var guardians = (await directory.ListGuardiansOfPupilsAsync(pupils.Select(p => p.Id), cancellationToken))
            .DistinctBy(g => g.GuardianId).Select(g => new Candidate(g.GuardianId, g.DisplayName, CouncilRole.ParentRepresentative));
        var town = (await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent | Profile.ElectedOfficial, cancellationToken))
            .Select(p => new Candidate(p.Id, p.DisplayName, CouncilRole.TownRepresentative));
        var partners = (await directory.ListAccountsWithProfileAsync(Profile.Partner, cancellationToken))
            .Select(p => new Candidate(p.Id, p.DisplayName, CouncilRole.Inspector));
        return [.. guardians, .. town, .. partners];
    }

    /// <summary>Adds a member the head chose: a guardian of the school as parents' representative, a town account, a partner account as inspector.</summary>
    public async Task<string?> AddMemberAsync(CouncilView view, Guid accountId, CouncilRole role, CancellationToken cancellationToken)
    {
        if (!(await CandidatesAsync(view.School.Id, cancellationToken)).Any(c => c.AccountId == accountId && c.Role == role))
        {
            return Fr("Cette personne ne peut pas siéger à ce titre : un représentant des parents est un parent d’élève de l’école, le représentant de la mairie un compte de la ville, l’inspecteur un compte partenaire.");
        }

        if (await db.CouncilMembers.AnyAsync(m => m.CouncilId == view.Council.Id && m.AccountId == accountId, cancellationToken))
        {
            return Fr("Cette personne est déjà membre du conseil.");
        }

        db.CouncilMembers.Add(new CouncilMember { CouncilId = view.Council.Id, AccountId = accountId, Role = role, AddedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return Fr("Cette personne est déjà membre du conseil.");
        }
    }

    public async Task RemoveMemberAsync(CouncilView view, Guid memberId, CancellationToken cancellationToken) =>
        await db.CouncilMembers.Where(m => m.Id == memberId && m.CouncilId == view.Council.Id).ExecuteDeleteAsync(cancellationToken);

    public async Task<(CouncilMeeting? Meeting, IReadOnlyList<FieldError> Errors)> PlanMeetingAsync(
        CouncilView view, CouncilMeeting? existing, DateTime startsAt, DateTime questionsDeadline, string? location, string? agenda, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new List<FieldError>();
        if (startsAt < now.AddYears(-1) || startsAt > now.AddYears(1))
        {
            errors.Add(new FieldError("Input.Day", Fr("La séance doit avoir lieu dans l’année.")));
        }

        if (questionsDeadline > startsAt)
        {
            errors.Add(new FieldError("Input.QuestionsUntil", Fr("La date limite des questions doit précéder la séance.")));
        }

        var html = RichInput.ToSafeHtml(richText, agenda);
        if (html.Length > RichText.MaxLength)
        {
            errors.Add(new FieldError("Input.Agenda", Fr("L’ordre du jour est trop long.")));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var meeting = existing ?? db.CouncilMeetings.Add(new CouncilMeeting { CouncilId = view.Council.Id, SchoolId = view.School.Id, CreatedAt = now }).Entity;
        meeting.StartsAt = startsAt;
        meeting.QuestionsDeadline = questionsDeadline;
        meeting.Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
        meeting.AgendaHtml = html;
        await db.SaveChangesAsync(cancellationToken);
        return (meeting, []);
    }

    public async Task<string?> AskAsync(Guid authorId, CouncilMeeting meeting, string text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!meeting.AcceptsQuestionsAt(now))
        {
            return Fr("La date limite pour poser une question à cette séance est passée.");
        }

        db.CouncilQuestions.Add(new CouncilQuestion { MeetingId = meeting.Id, AuthorId = authorId, Text = text.Trim(), SubmittedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<bool> AddQuestionToAgendaAsync(CouncilMeeting meeting, Guid questionId, CancellationToken cancellationToken)
    {
        var question = await db.CouncilQuestions.FirstOrDefaultAsync(q => q.Id == questionId && q.MeetingId == meeting.Id, cancellationToken);
        if (question is null)
        {
            return false;
        }

        question.AddedToAgendaAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Publishes approved minutes to every family of the school and notifies them.</summary>
    public async Task PublishMinutesAsync(CouncilView view, CouncilMeeting meeting, CancellationToken cancellationToken)
    {
        meeting.PublishMinutes(clock.GetUtcNow().UtcDateTime);
        var families = await audiences.OfSchoolAsync(view.School.Id, withPupils: false, cancellationToken);
        Audiences.Notify(db, families, "communication.council", NotificationKind.Information,
            Fr("Compte rendu du conseil d’école publié : {0}"), [view.School.Name], $"/conseil-ecole/seances/{meeting.Id}", view.School.Id);
        await db.SaveChangesAsync(cancellationToken);
    }
}
