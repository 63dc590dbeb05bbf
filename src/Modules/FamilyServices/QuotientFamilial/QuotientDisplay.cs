using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.QuotientFamilial;

/// <summary>French names of the quotient's states and sources.</summary>
internal static class QuotientDisplay
{
    public static string Source(QuotientSource source) => source switch
    {
        QuotientSource.CafAttestation => Fr("Attestation CAF"),
        _ => Fr("Calcul sur revenus déclarés"),
    };

    public static string Status(QuotientStatus status) => status switch
    {
        QuotientStatus.Pending => Fr("En attente de validation"),
        QuotientStatus.Validated => Fr("Validé"),
        _ => Fr("Refusé"),
    };

    public static string StatusBadge(QuotientStatus status) => status switch
    {
        QuotientStatus.Pending => "badge badge--warning",
        QuotientStatus.Validated => "badge badge--success",
        _ => "badge badge--error",
    };
}
