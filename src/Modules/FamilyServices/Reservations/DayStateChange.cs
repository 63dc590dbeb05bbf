using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Reservations;

/// <summary>Who changed a day.</summary>
internal enum ChangeSource
{
    /// <summary>A guardian, on the calendar or through the API.</summary>
    Household,

    /// <summary>The staff, marking attendance (online or synchronised from a tablet).</summary>
    Staff,

    /// <summary>The town's agent, correcting a day.</summary>
    Agent,

    /// <summary>Préau itself (a waiting list served or closed).</summary>
    System,
}

/// <summary>
/// The audit of every change that affects money (a booking, a late change, an attendance mark): who,
/// when, the state before and after. Invoicing disputes are settled from it; kept as long as the
/// invoices (see docs/privacy.md). A mark synchronised from a tablet carries its client id, which makes
/// a replayed synchronisation recognisable.
/// </summary>
internal sealed class DayStateChange : ITerritoryOwned
{
    public const int MaxDetailLength = 200;

    public long Id { get; init; }

    public Guid TerritoryId { get; init; }

    public DateTime At { get; init; }

    public Guid? ActorId { get; init; }

    public ChangeSource Source { get; init; }

    public Guid ChildId { get; init; }

    public Guid ServiceId { get; init; }

    public DateOnly Day { get; init; }

    public Guid? HouseholdId { get; init; }

    /// <summary>The state before (null: nothing was booked or marked).</summary>
    public DayState? Before { get; init; }

    /// <summary>The state after (null: nothing is left).</summary>
    public DayState? After { get; init; }

    public bool LateChange { get; init; }

    /// <summary>Arrival and departure times after the change, "16:35–18:10", when recorded.</summary>
    public string? Detail { get; init; }

    /// <summary>The id the tablet gave an offline mark (unique): a replay of it changes nothing.</summary>
    public Guid? ClientMarkId { get; init; }
}
