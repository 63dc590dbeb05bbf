namespace Preau.Platform.Tenancy;

/// <summary>
/// A row that belongs to one territory. Every module DbContext scopes queries on such rows to the
/// current territory with a global query filter and refuses to write them into another territory.
/// </summary>
public interface ITerritoryOwned
{
    /// <summary>The territory the row belongs to.</summary>
    Guid TerritoryId { get; }
}
