using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.Identity.Audit;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Identity.Structures;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Territories;

/// <summary>What a territory administrator sets for the whole territory.</summary>
internal sealed record TerritorySettings(string Name, TerritoryKind Kind, string TimeZoneId, string PrimaryColor, bool RequireStaffSecondFactor, int ActivationCodeValidityDays);

/// <summary>Saves the territory's settings once every rule holds (contrast of the colour included), audited.</summary>
internal sealed class UpdateTerritorySettings(IdentityDbContext db, AuditLog audit, IMemoryCache cache)
{
    public const int MinimumCodeValidityDays = 1;

    /// <summary>A year: a code older than that would outlive the school year it was printed for.</summary>
    public const int MaximumCodeValidityDays = 365;

    public async Task<ChangeResult> RunAsync(Guid actorId, TerritorySettings input, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var name = input.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            errors.Add(new("Name", Fr("Indiquez le nom du territoire (200 caractères au plus).")));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new("Kind", Fr("Choisissez un type de collectivité de la liste.")));
        }

        if (!TerritoryZones.IsSupported(input.TimeZoneId))
        {
            errors.Add(new("TimeZoneId", Fr("Choisissez un fuseau horaire de la liste.")));
        }

        var color = ThemeColor.Normalize(input.PrimaryColor);
        if (color is null)
        {
            errors.Add(new("PrimaryColor", Fr("La couleur s’écrit en hexadécimal, par exemple #1f4e8c.")));
        }
        else if (!ThemeColor.IsReadable(color))
        {
            errors.Add(new("PrimaryColor", Fr("La couleur {0} n’est pas assez contrastée : le rapport est de {1:0.0}:1 alors que l’accessibilité (RGAA, WCAG niveau AA) exige au moins 4,5:1 avec le texte blanc et sur fond blanc. Choisissez une couleur plus foncée."), color, ThemeColor.WorstContrast(color)));
        }

        if (input.ActivationCodeValidityDays is < MinimumCodeValidityDays or > MaximumCodeValidityDays)
        {
            errors.Add(new("ActivationCodeValidityDays", Fr("La validité des codes d’activation va de 1 à 365 jours.")));
        }

        if (errors.Count > 0)
        {
            return new ChangeResult(errors);
        }

        var territory = await db.Territories.SingleAsync(cancellationToken);
        var changed = new List<string>();
        Track(changed, "nom", territory.Name, name);
        Track(changed, "type", territory.Kind, input.Kind);
        Track(changed, "fuseau horaire", territory.TimeZoneId, input.TimeZoneId);
        Track(changed, "couleur", territory.PrimaryColor, color!);
        Track(changed, "double authentification du personnel", territory.RequireStaffSecondFactor, input.RequireStaffSecondFactor);
        Track(changed, "validité des codes d’activation", territory.ActivationCodeValidityDays, input.ActivationCodeValidityDays);
        if (changed.Count == 0)
        {
            return ChangeResult.Done;
        }

        territory.Name = name;
        territory.Kind = input.Kind;
        territory.TimeZoneId = input.TimeZoneId;
        territory.PrimaryColor = color!;
        territory.RequireStaffSecondFactor = input.RequireStaffSecondFactor;
        territory.ActivationCodeValidityDays = input.ActivationCodeValidityDays;
        audit.Record(territory.Id, AuditAction.StructureChanged, actorId, territory.Id, "Réglages du territoire modifiés : " + string.Join(", ", changed));
        await db.SaveChangesAsync(cancellationToken);
        StructureDirectory.ForgetTerritory(cache, territory.Id);
        return ChangeResult.Done;
    }

    private static void Track<T>(List<string> changed, string label, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            changed.Add(label);
        }
    }
}
