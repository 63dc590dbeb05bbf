using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Identity.Schools;

/// <summary>A school of the territory, identified nationally by its UAI code.</summary>
internal sealed class School : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    /// <summary>Unité administrative immatriculée: 7 digits and a check letter (see <see cref="Uai"/>).</summary>
    public required string Uai { get; set; }

    public required string Name { get; set; }

    public SchoolKind Kind { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Identifier in the roster the school was imported from (OneRoster sourcedId).</summary>
    public string? SourcedId { get; set; }

    /// <summary>Whether pupils of this school are minors below secondary school (stricter defaults).</summary>
    public bool IsPrimary => Kind is SchoolKind.Maternelle or SchoolKind.Elementaire or SchoolKind.Primaire;
}
