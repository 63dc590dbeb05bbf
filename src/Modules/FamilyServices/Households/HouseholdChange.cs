using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Households;

/// <summary>What changed in a household (its history, shown to its guardians and the town's agent).</summary>
internal enum HouseholdChangeKind
{
    Created,
    Confirmed,
    AddressChanged,
    PhonesChanged,
    MemberAdded,
    MemberLeft,
    PickupAdded,
    PickupRemoved,
    MedicalInfoChanged,
    DocumentUploaded,
    DocumentValidated,
    DocumentRejected,
    RegistrationSubmitted,
    RegistrationDecided,
    RegistrationCancelled,
}

/// <summary>
/// One line of a household's history: every change is logged with who and when. The detail is
/// composed by Préau from the change (a name, a document kind), never a copy of a whole form.
/// </summary>
internal sealed class HouseholdChange : ITerritoryOwned
{
    public const int MaxDetailLength = 300;

    public long Id { get; init; }

    public Guid TerritoryId { get; init; }

    public Guid HouseholdId { get; init; }

    public DateTime At { get; init; }

    /// <summary>Who did it (null: Préau itself, e.g. a waiting list that moved).</summary>
    public Guid? ActorId { get; init; }

    public HouseholdChangeKind Kind { get; init; }

    public string? Detail { get; init; }
}
