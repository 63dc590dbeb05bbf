using Preau.Platform.Authorization;

namespace Preau.FamilyServices;

/// <summary>The rights of the Family services module and the profiles that hold them by default.</summary>
public static class FamilyServicesPermissions
{
    internal static readonly Permission[] All = [];
}
