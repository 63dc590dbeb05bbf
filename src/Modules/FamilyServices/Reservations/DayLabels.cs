using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Reservations;

/// <summary>French names (translation keys) of the day states, for pages and the attendance script.</summary>
internal static class DayLabels
{
    public static string Of(DayState state) => state switch
    {
        DayState.Reserved => Fr("Réservé"),
        DayState.WaitingList => Fr("Liste d’attente"),
        DayState.Refused => Fr("Refusé"),
        DayState.Present => Fr("Présent"),
        DayState.AbsentExcused => Fr("Absence justifiée"),
        DayState.AbsentUnexcused => Fr("Absence non justifiée"),
        DayState.PresentWithoutReservation => Fr("Présent sans réservation"),
        _ => Fr("Annulé hors délai"),
    };

    public static string BadgeOf(DayState state) => state switch
    {
        DayState.Reserved or DayState.Present => "badge--success",
        DayState.WaitingList or DayState.PresentWithoutReservation or DayState.CancelledLate => "badge--warning",
        DayState.AbsentUnexcused or DayState.Refused => "badge--error",
        _ => "badge--info",
    };
}
