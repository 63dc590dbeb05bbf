using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Households;

/// <summary>Whether a household was checked by the town.</summary>
internal enum HouseholdStatus
{
    /// <summary>Proposed by a guardian at their first visit; the town's agent confirms it.</summary>
    Proposed,

    /// <summary>Created or confirmed by the town's agent.</summary>
    Active,
}

/// <summary>A member's place in the household.</summary>
internal enum MemberRole
{
    /// <summary>A guardian (responsable légal) living in the household: sees, books and pays for it.</summary>
    Guardian,

    /// <summary>A child of the household.</summary>
    Child,
}

/// <summary>
/// A household (foyer): the guardians and children living together. It is the unit that books and,
/// later, is invoiced. A child may belong to two households (separated parents, each with their own
/// reservations and invoices); a guardian lives in one household at most.
/// People are Identity accounts (pupils and guardians), referred to by id.
/// </summary>
internal sealed class Household : ITerritoryOwned
{
    /// <summary>A child may live in two homes at most (alternating residence, Code civil art. 373-2-9).</summary>
    public const int MaxHouseholdsPerChild = 2;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>"Foyer Martin".</summary>
    public required string Name { get; set; }

    public HouseholdStatus Status { get; set; }

    /// <summary>Postal address (one line for the street, as on a letter).</summary>
    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public DateTime CreatedAt { get; init; }

    public Guid? CreatedBy { get; init; }

    public List<HouseholdMember> Members { get; init; } = [];

    public IEnumerable<Guid> GuardianIds => Members.Where(m => m.Role == MemberRole.Guardian).Select(m => m.PersonId);

    public IEnumerable<Guid> ChildIds => Members.Where(m => m.Role == MemberRole.Child).Select(m => m.PersonId);

    public HouseholdMember AddMember(Guid personId, MemberRole role)
    {
        var member = Members.FirstOrDefault(m => m.PersonId == personId);
        if (member is null)
        {
            member = new HouseholdMember { HouseholdId = Id, PersonId = personId, Role = role, TerritoryId = TerritoryId };
            Members.Add(member);
        }

        return member;
    }

    /// <summary>The address on one line, or null when none was given.</summary>
    public string? AddressLine => string.IsNullOrWhiteSpace(Street) ? null : $"{Street}, {PostalCode} {City}".Trim().TrimEnd(',');
}

/// <summary>A guardian or child of a household, with the guardian's phones.</summary>
internal sealed class HouseholdMember : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid HouseholdId { get; init; }

    /// <summary>The Identity account (guardian or pupil).</summary>
    public Guid PersonId { get; init; }

    public MemberRole Role { get; init; }

    /// <summary>A guardian's mobile phone, for the staff who look after the children.</summary>
    public string? MobilePhone { get; set; }

    /// <summary>A guardian's other phone (work, home).</summary>
    public string? OtherPhone { get; set; }
}

/// <summary>A person the household allows to pick a child up from school or after-school care.</summary>
internal sealed class AuthorizedPickup : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid HouseholdId { get; init; }

    public Guid ChildId { get; init; }

    /// <summary>"Jeanne Martin".</summary>
    public required string Name { get; init; }

    public required string Phone { get; init; }

    /// <summary>"grand-mère", "voisin", "assistante maternelle".</summary>
    public required string Relation { get; init; }

    public DateTime CreatedAt { get; init; }
}
