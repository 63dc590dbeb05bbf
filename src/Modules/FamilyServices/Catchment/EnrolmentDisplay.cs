namespace Preau.FamilyServices.Catchment;

internal static class EnrolmentDisplay
{
    public static string Badge(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Accepted => "badge badge--success",
        EnrolmentStatus.Refused => "badge badge--error",
        EnrolmentStatus.Submitted => "badge badge--warning",
        _ => "badge",
    };
}
