namespace Preau.Platform.Authorization;

/// <summary>
/// A right a module declares, with the profiles that hold it by default (OrchardCore's habit).
/// Its name is also the name of the ASP.NET Core policy that checks it: [Authorize(Policy = "…")].
/// </summary>
/// <param name="Name">Stable name, "module.capability.action".</param>
/// <param name="Description">What it allows, in French, for the rights page.</param>
/// <param name="DefaultProfiles">The profiles that hold it.</param>
public sealed record Permission(string Name, string Description, Profile DefaultProfiles);

/// <summary>All permissions declared by the modules.</summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, Permission> _permissions;

    /// <summary>Builds the catalogue from the modules' declarations.</summary>
    public PermissionCatalog(IEnumerable<Permission> permissions)
    {
        _permissions = new Dictionary<string, Permission>(StringComparer.Ordinal);
        foreach (var permission in permissions)
        {
            if (!_permissions.TryAdd(permission.Name, permission))
            {
                throw new InvalidOperationException($"The permission {permission.Name} is declared twice.");
            }
        }
    }

    /// <summary>Every permission.</summary>
    public IEnumerable<Permission> All => _permissions.Values;

    /// <summary>Finds a permission by its policy name.</summary>
    public Permission? Find(string name) => _permissions.GetValueOrDefault(name);
}
