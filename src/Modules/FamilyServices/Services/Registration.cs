using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Services;

/// <summary>Where a registration stands.</summary>
internal enum RegistrationStatus
{
    /// <summary>Submitted, holding a place, waiting for the agent.</summary>
    Pending,

    /// <summary>Accepted: the child may attend (and the family book days).</summary>
    Accepted,

    /// <summary>No place for now; moves up when one is freed.</summary>
    WaitingList,

    /// <summary>Refused by the agent, with a reason.</summary>
    Refused,

    /// <summary>Withdrawn by the family or ended by the agent.</summary>
    Cancelled,
}

/// <summary>
/// A child's registration to a service for the year or a period, filed by one of the child's households.
/// A child has at most one live registration (pending, accepted or waiting) per service, whichever
/// household filed it; both households of a child then book days under it, each for its own account.
/// </summary>
internal sealed class Registration : ITerritoryOwned
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid ServiceId { get; init; }

    public Guid ChildId { get; init; }

    /// <summary>The household that filed it.</summary>
    public Guid HouseholdId { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    /// <summary>The stop chosen on a transport line.</summary>
    public Guid? StopId { get; init; }

    public RegistrationStatus Status { get; private set; }

    public DateTime SubmittedAt { get; init; }

    public Guid SubmittedBy { get; init; }

    /// <summary>When it joined the waiting list: the list is served in this order.</summary>
    public DateTime? QueuedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    /// <summary>The agent who decided (null: Préau, e.g. a place freed on the waiting list).</summary>
    public Guid? DecidedBy { get; private set; }

    /// <summary>The reason of a refusal or of a waiting list, written by the agent.</summary>
    public string? Reason { get; private set; }

    /// <summary>The statuses of a live registration (at most one per child and service).</summary>
    public static readonly RegistrationStatus[] Live = [RegistrationStatus.Pending, RegistrationStatus.Accepted, RegistrationStatus.WaitingList];

    /// <summary>Whether it counts in the service's places.</summary>
    public bool HoldsPlace => HoldsPlaceIn(Status);

    public static bool HoldsPlaceIn(RegistrationStatus status) => status is RegistrationStatus.Pending or RegistrationStatus.Accepted;

    public bool IsLive => Live.Contains(Status);

    public bool Covers(DateOnly day) => day >= StartsOn && day <= EndsOn;

    /// <summary>A new registration: with a place, pending (or accepted when the service needs no approval); without, on the waiting list.</summary>
    public void Start(bool gotPlace, bool requiresApproval, DateTime now)
    {
        if (gotPlace)
        {
            Status = requiresApproval ? RegistrationStatus.Pending : RegistrationStatus.Accepted;
            DecidedAt = requiresApproval ? null : now;
        }
        else
        {
            Status = RegistrationStatus.WaitingList;
            QueuedAt = now;
        }
    }

    /// <summary>Whether the agent may move it to <paramref name="target"/>.</summary>
    public bool CanMoveTo(RegistrationStatus target) => (Status, target) switch
    {
        (RegistrationStatus.Pending, RegistrationStatus.Accepted or RegistrationStatus.Refused or RegistrationStatus.WaitingList) => true,
        (RegistrationStatus.WaitingList, RegistrationStatus.Accepted or RegistrationStatus.Refused) => true,
        (RegistrationStatus.Accepted, RegistrationStatus.Cancelled) => true,
        (RegistrationStatus.Pending or RegistrationStatus.WaitingList, RegistrationStatus.Cancelled) => true,
        _ => false,
    };

    public void MoveTo(RegistrationStatus target, Guid? actorId, DateTime now, string? reason)
    {
        if (!CanMoveTo(target))
        {
            throw new InvalidOperationException($"A {Status} registration cannot become {target}.");
        }

        Status = target;
        DecidedAt = now;
        DecidedBy = actorId;
        Reason = reason;
        QueuedAt = target == RegistrationStatus.WaitingList ? now : QueuedAt;
    }

    /// <summary>A place was freed for this waiting registration (the agent still validates when the service needs it).</summary>
    public void Promote(bool requiresApproval, DateTime now)
    {
        Status = requiresApproval ? RegistrationStatus.Pending : RegistrationStatus.Accepted;
        DecidedAt = now;
        DecidedBy = null;
        Reason = null;
    }
}
