using Microsoft.EntityFrameworkCore;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.Identity.Imports;

internal sealed record ExistingSchool(Guid Id, string Uai, string? SourcedId, string Name, SchoolKind Kind, bool IsActive);

internal sealed record ExistingYear(Guid Id, string Label, DateOnly StartsOn, DateOnly EndsOn);

internal sealed record ExistingClass(Guid Id, Guid SchoolId, Guid SchoolYearId, string? SourcedId, string Name, string? Level, ClassGroupKind Kind, bool IsActive);

internal sealed record ExistingAccount(Guid Id, string? SourcedId, string FirstName, string LastName, string? Email, string? PhoneNumber, DateOnly? BirthDate, Profile Profiles, bool IsActive, bool IsActivated);

internal readonly record struct ExistingLink(Guid Id, Guid GuardianId, Guid PupilId, GuardianRelation Relation, bool HasParentalAuthority);

/// <summary>An enrolment (no subject) or a teaching assignment, with its end when it is over.</summary>
internal readonly record struct ExistingMembership(Guid Id, Guid AccountId, Guid ClassGroupId, string? Subject, DateOnly? EndsOn);

internal readonly record struct ExistingStaff(Guid Id, Guid AccountId, Guid SchoolId, Profile Profile, DateOnly? EndsOn);

/// <summary>A guardian already linked to a pupil: a French CSV guardian whose key changed is found among them by name.</summary>
internal sealed record GuardianCandidate(Guid PupilId, ExistingAccount Guardian);

/// <summary>
/// What the territory already holds that an import compares with, loaded in a few set-based queries as
/// compact records (never tracked entities): schools, years, classes, the memberships of the classes in
/// play, and the imported accounts, streamed once through the planner rather than held in memory (a
/// département has a quarter of a million of them).
/// </summary>
internal sealed class RosterState
{
    public required IReadOnlyList<ExistingSchool> Schools { get; init; }

    public required IReadOnlyList<ExistingYear> Years { get; init; }

    public required IReadOnlyList<ExistingClass> Classes { get; init; }

    /// <summary>The accounts with an import key, enumerated once.</summary>
    public required IEnumerable<ExistingAccount> Accounts { get; init; }

    /// <summary>The guardians linked to some pupils, with their details (asked for only when a French CSV guardian is not found by key).</summary>
    public required Func<IReadOnlyCollection<Guid>, IReadOnlyList<GuardianCandidate>> GuardiansOfPupils { get; init; }

    public required IReadOnlyList<ExistingLink> Links { get; init; }

    public required IReadOnlyList<ExistingMembership> Enrolments { get; init; }

    public required IReadOnlyList<ExistingMembership> Teaching { get; init; }

    public required IReadOnlyList<ExistingStaff> Staff { get; init; }

    /// <summary>Loads the state an import of <paramref name="roster"/> needs, in the current territory.</summary>
    public static async Task<RosterState> LoadAsync(IdentityDbContext db, Roster roster, CancellationToken cancellationToken)
    {
        var schools = await db.Schools.AsNoTracking()
            .Select(s => new ExistingSchool(s.Id, s.Uai, s.SourcedId, s.Name, s.Kind, s.IsActive)).ToListAsync(cancellationToken);
        var years = await db.SchoolYears.AsNoTracking()
            .Select(y => new ExistingYear(y.Id, y.Label, y.StartsOn, y.EndsOn)).ToListAsync(cancellationToken);
        var classes = await db.ClassGroups.AsNoTracking()
            .Select(c => new ExistingClass(c.Id, c.SchoolId, c.SchoolYearId, c.SourcedId, c.Name, c.Level, c.Kind, c.IsActive)).ToListAsync(cancellationToken);

        var importedPupils = db.Accounts.Where(a => a.SourcedId != null && (a.Profiles & Profile.Pupil) != 0).Select(a => a.Id);
        var links = await db.GuardianLinks.AsNoTracking().Where(l => importedPupils.Contains(l.PupilId))
            .Select(l => new ExistingLink(l.Id, l.GuardianId, l.PupilId, l.Relation, l.HasParentalAuthority)).ToListAsync(cancellationToken);

        // Memberships still running, and those of the file's years (an ended one is reopened, never duplicated).
        var labels = roster.Years.Keys.ToList();
        var yearIds = years.Where(y => labels.Contains(y.Label)).Select(y => y.Id).ToList();
        var classesOfYears = db.ClassGroups.Where(c => yearIds.Contains(c.SchoolYearId)).Select(c => c.Id);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.EndsOn == null || classesOfYears.Contains(e.ClassGroupId))
            .Select(e => new ExistingMembership(e.Id, e.PupilId, e.ClassGroupId, null, e.EndsOn)).ToListAsync(cancellationToken);
        var teaching = (roster.Coverage & RosterCoverage.Staff) == 0
            ? []
            : await db.TeachingAssignments.AsNoTracking().Where(t => t.EndsOn == null || classesOfYears.Contains(t.ClassGroupId))
                .Select(t => new ExistingMembership(t.Id, t.TeacherId, t.ClassGroupId, t.Subject, t.EndsOn)).ToListAsync(cancellationToken);
        var staff = (roster.Coverage & RosterCoverage.Staff) == 0
            ? []
            : await db.StaffAssignments.AsNoTracking()
                .Select(s => new ExistingStaff(s.Id, s.AccountId, s.SchoolId, s.Profile, s.EndsOn)).ToListAsync(cancellationToken);

        return new RosterState
        {
            Schools = schools,
            Years = years,
            Classes = classes,
            Accounts = db.Accounts.AsNoTracking().Where(a => a.SourcedId != null)
                .Select(a => new ExistingAccount(a.Id, a.SourcedId, a.FirstName, a.LastName, a.Email, a.PhoneNumber, a.BirthDate, a.Profiles, a.IsActive, a.PasswordHash != null))
                .AsEnumerable(),
            GuardiansOfPupils = pupilIds => pupilIds.Chunk(1_000).SelectMany(batch =>
                (from l in db.GuardianLinks.AsNoTracking()
                 join a in db.Accounts on l.GuardianId equals a.Id
                 where batch.Contains(l.PupilId)
                 select new GuardianCandidate(l.PupilId, new ExistingAccount(a.Id, a.SourcedId, a.FirstName, a.LastName, a.Email, a.PhoneNumber, a.BirthDate, a.Profiles, a.IsActive, a.PasswordHash != null)))
                .ToList()).ToList(),
            Links = links,
            Enrolments = enrolments,
            Teaching = teaching,
            Staff = staff,
        };
    }
}
