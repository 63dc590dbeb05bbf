using Preau.Platform.Authorization;

namespace Preau.SchoolLife;

/// <summary>The rights of the School life module and the profiles that hold them by default.</summary>
public static class SchoolLifePermissions
{
    internal static readonly Permission[] All = [];
}
