using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Services;

/// <summary>French names (translation keys) of the services' values, for pages.</summary>
internal static class ServiceLabels
{
    public static readonly IReadOnlyList<ServiceKind> Kinds = Enum.GetValues<ServiceKind>();

    public static string Of(ServiceKind kind) => kind switch
    {
        ServiceKind.Canteen => Fr("Restauration scolaire"),
        ServiceKind.MorningCare => Fr("Accueil du matin"),
        ServiceKind.EveningCare => Fr("Accueil du soir"),
        ServiceKind.Study => Fr("Étude surveillée"),
        ServiceKind.Wednesday => Fr("Accueil de loisirs du mercredi"),
        ServiceKind.Holidays => Fr("Accueil de loisirs des vacances"),
        ServiceKind.Workshop => Fr("Atelier périscolaire"),
        _ => Fr("Transport scolaire"),
    };

    public static string Of(BillingUnit unit) => unit switch
    {
        BillingUnit.PerDay => Fr("À la journée"),
        BillingUnit.PerSession => Fr("À la séance"),
        BillingUnit.PerHour => Fr("À l’heure"),
        _ => Fr("Forfait mensuel"),
    };

    public static string Of(LateChangePolicy policy) => policy == LateChangePolicy.Refused
        ? Fr("Refusés")
        : Fr("Acceptés au tarif majoré");

    public static string Of(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Pending => Fr("En attente de validation"),
        RegistrationStatus.Accepted => Fr("Acceptée"),
        RegistrationStatus.WaitingList => Fr("Liste d’attente"),
        RegistrationStatus.Refused => Fr("Refusée"),
        _ => Fr("Annulée"),
    };

    public static string BadgeOf(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Accepted => "badge--success",
        RegistrationStatus.Pending or RegistrationStatus.WaitingList => "badge--warning",
        RegistrationStatus.Refused => "badge--error",
        _ => string.Empty,
    };

    public static string Of(Weekdays day) => day switch
    {
        Weekdays.Monday => Fr("lundi"),
        Weekdays.Tuesday => Fr("mardi"),
        Weekdays.Wednesday => Fr("mercredi"),
        Weekdays.Thursday => Fr("jeudi"),
        Weekdays.Friday => Fr("vendredi"),
        _ => Fr("samedi"),
    };
}
