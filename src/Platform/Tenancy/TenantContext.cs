namespace Preau.Platform.Tenancy;

/// <summary>
/// The territory the current request (or background job) works in. Scoped: one per request.
/// Set once from the signed-in account's claims, from a public page's route, or explicitly by a job.
/// </summary>
public sealed class TenantContext
{
    private static readonly TimeZoneInfo DefaultTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The current territory, or null outside any territory (anonymous pages, sign-in).</summary>
    public Guid? TerritoryId { get; private set; }

    /// <summary>The territory's time zone: school days and deadlines are evaluated in it (DESIGN.md, Data).</summary>
    public TimeZoneInfo TimeZone { get; private set; } = DefaultTimeZone;

    /// <summary>Enters a territory. A scope never moves from one territory to another.</summary>
    public void Enter(Guid territoryId, string? timeZoneId = null)
    {
        if (TerritoryId is { } current && current != territoryId)
        {
            throw new InvalidOperationException("This scope already works in another territory.");
        }

        TerritoryId = territoryId;
        if (!string.IsNullOrEmpty(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            TimeZone = zone;
        }
    }

    /// <summary>The current territory; throws where a territory is required and none was entered.</summary>
    public Guid RequiredTerritoryId =>
        TerritoryId ?? throw new InvalidOperationException("No territory was entered in this scope.");

    /// <summary>The local date and time in the territory for a UTC instant.</summary>
    public DateTime ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZone).DateTime;

    /// <summary>Today's date in the territory.</summary>
    public DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()));

    /// <summary>The UTC instant of a local date and time in the territory (ambiguous times take the first).</summary>
    public DateTime ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }
}
