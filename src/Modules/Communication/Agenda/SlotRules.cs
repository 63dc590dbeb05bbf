using static Preau.Platform.Localization.Text;

namespace Preau.Communication.Agenda;

/// <summary>The rules of sign-up slots (unit-tested).</summary>
internal static class SlotRules
{
    public const int MinLengthMinutes = 5;
    public const int MaxLengthMinutes = 240;
    public const int MaxSlotsPerEvent = 200;

    /// <summary>Slots of <paramref name="lengthMinutes"/> from <paramref name="from"/> to <paramref name="to"/> (a last shorter slot is dropped).</summary>
    public static IReadOnlyList<(DateTime StartsAt, DateTime EndsAt)> Generate(DateTime from, DateTime to, int lengthMinutes)
    {
        var slots = new List<(DateTime, DateTime)>();
        var length = TimeSpan.FromMinutes(lengthMinutes);
        for (var start = from; start + length <= to && slots.Count <= MaxSlotsPerEvent; start += length)
        {
            slots.Add((start, start + length));
        }

        return slots;
    }

    /// <summary>Checks new slots against the event's existing ones; null when they may be added.</summary>
    public static string? CheckNewSlots(IReadOnlyList<(DateTime StartsAt, DateTime EndsAt)> existing, IReadOnlyList<(DateTime StartsAt, DateTime EndsAt)> added, int lengthMinutes)
    {
        if (lengthMinutes is < MinLengthMinutes or > MaxLengthMinutes)
        {
            return Fr("Un créneau dure de 5 à 240 minutes.");
        }

        if (added.Count == 0)
        {
            return Fr("Aucun créneau ne tient dans cette plage horaire.");
        }

        if (existing.Count + added.Count > MaxSlotsPerEvent)
        {
            return Fr("Un événement propose au plus 200 créneaux.");
        }

        return added.Any(a => existing.Any(e => Overlap(a, e)))
            ? Fr("Ces créneaux chevauchent des créneaux existants.")
            : null;
    }

    public static bool Overlap((DateTime StartsAt, DateTime EndsAt) a, (DateTime StartsAt, DateTime EndsAt) b) =>
        a.StartsAt < b.EndsAt && b.StartsAt < a.EndsAt;

    /// <summary>Families sign up and cancel until the deadline, and never after the slot began.</summary>
    public static string? CheckSignUpOpen(DateTime now, DateTime? deadline, DateTime slotStartsAt, DateTime? cancelledAt)
    {
        if (cancelledAt is not null)
        {
            return Fr("Cet événement est annulé.");
        }

        if (deadline is { } d && now >= d)
        {
            return Fr("La date limite d’inscription est passée.");
        }

        return now >= slotStartsAt ? Fr("Ce créneau est déjà passé.") : null;
    }
}
