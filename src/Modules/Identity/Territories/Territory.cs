namespace Preau.Identity.Territories;

/// <summary>The kinds of local authority that run Préau for their schools.</summary>
internal enum TerritoryKind
{
    /// <summary>Commune (écoles maternelles et élémentaires).</summary>
    Commune,

    /// <summary>Intercommunalité (EPCI) ou syndicat mixte.</summary>
    Intercommunalite,

    /// <summary>Département (collèges).</summary>
    Departement,

    /// <summary>Région (lycées).</summary>
    Region,
}

/// <summary>
/// A territory: the local authority and everything it runs on Préau. Its id is the tenant key of
/// every row of every module (DESIGN.md, Tenancy).
/// </summary>
internal sealed class Territory
{
    /// <summary>Hex colour used when a territory has not chosen one (contrast 7.5:1 on white).</summary>
    public const string DefaultPrimaryColor = "#1f4e8c";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Short name in URLs of public pages, e.g. "valmont".</summary>
    public required string Slug { get; set; }

    /// <summary>Whether a (trimmed, lower-case) short name is well formed: 2 to 60 lowercase letters without accents, digits and hyphens.</summary>
    public static bool IsValidSlug(string slug) =>
        slug.Length is >= 2 and <= 60 && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>Why a short name is refused, in French.</summary>
    public static readonly string InvalidSlugMessage = Platform.Localization.Text.Fr("Le nom court va de 2 à 60 caractères : lettres minuscules sans accent, chiffres et tirets.");

    public TerritoryKind Kind { get; set; }

    /// <summary>IANA time zone: Europe/Paris, or America/Cayenne, Indian/Reunion… overseas.</summary>
    public string TimeZoneId { get; set; } = "Europe/Paris";

    /// <summary>Theme colour, checked for contrast before it is saved.</summary>
    public string PrimaryColor { get; set; } = DefaultPrimaryColor;

    /// <summary>When set, every staff account must use a second factor (issue: hijacked accounts, March 2024).</summary>
    public bool RequireStaffSecondFactor { get; set; }

    /// <summary>How many days an activation code stays valid once issued.</summary>
    public int ActivationCodeValidityDays { get; set; } = DefaultActivationCodeValidityDays;

    /// <summary>The territory's logo in the file store (PNG or JPEG, checked by content), if any.</summary>
    public string? LogoKey { get; set; }

    /// <summary>The logo's MIME type.</summary>
    public string? LogoContentType { get; set; }

    /// <summary>When the logo last changed: the version in its address, so browsers fetch the new one.</summary>
    public DateTime? LogoChangedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Two months: long enough for a letter sent home at the start of the year to be used.</summary>
    public const int DefaultActivationCodeValidityDays = 60;

    public TimeSpan ActivationCodeValidity => TimeSpan.FromDays(ActivationCodeValidityDays);
}
