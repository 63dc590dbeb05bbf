using Microsoft.AspNetCore.Identity;
using Preau.Platform.Authorization;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Accounts;

/// <summary>
/// A person's account in one territory. Family and pupil accounts are created by imports without a
/// password and activated with a one-time code; staff accounts likewise or by an administrator.
/// </summary>
internal sealed class Account : IdentityUser<Guid>, ITerritoryOwned
{
    public Account()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid TerritoryId { get; init; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    /// <summary>Pupils only: needed to tell homonyms apart and to apply minors' rules.</summary>
    public DateOnly? BirthDate { get; set; }

    public Profile Profiles { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>When the account lost its last right (left the school, end of year).</summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>Identifier in the roster it was imported from (OneRoster sourcedId, ONDE/SIECLE number).</summary>
    public string? SourcedId { get; set; }

    /// <summary>When the holder accepted the terms of use (at activation).</summary>
    public DateTime? TermsAcceptedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? LastSignInAt { get; set; }

    /// <summary>"fr" or "en": the language of pages and e-mails.</summary>
    public string? PreferredLanguage { get; set; }

    public string DisplayName => $"{FirstName} {LastName}";

    /// <summary>An account is activated once its holder chose a password (or signs in through a federation).</summary>
    public bool IsActivated => PasswordHash is not null;

    public bool Has(Profile profile) => (Profiles & profile) != Profile.None;

    public void Deactivate(DateTime now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        DeactivatedAt = now;
        // A new stamp ends every open session at the next validation.
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void Reactivate()
    {
        IsActive = true;
        DeactivatedAt = null;
    }
}

/// <summary>A staff member's assignment to a school with one profile ("staff of this school").</summary>
internal sealed class StaffAssignment : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AccountId { get; set; }

    public Guid SchoolId { get; set; }

    /// <summary>One of Teacher, Head, SchoolLifeStaff, AfterSchoolStaff, ItTechnician.</summary>
    public Profile Profile { get; set; }

    public DateOnly? EndsOn { get; set; }

    public static readonly Profile[] SchoolProfiles = [Profile.Teacher, Profile.Head, Profile.SchoolLifeStaff, Profile.AfterSchoolStaff, Profile.ItTechnician];
}

/// <summary>
/// A guardian of a pupil. Whether the guardian holds parental authority matters: a guardian without
/// it sees only what the school's settings allow, and cannot sign authorizations.
/// </summary>
internal sealed class GuardianLink : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid GuardianId { get; set; }

    public Guid PupilId { get; set; }

    public GuardianRelation Relation { get; set; }

    public bool HasParentalAuthority { get; set; } = true;
}
