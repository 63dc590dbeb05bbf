using Preau.Platform.Localization;

namespace Preau.Identity.Imports;

/// <summary>A rejected line: where it is and why (a French text with a {0} placeholder for the value).</summary>
internal sealed record RosterIssue(string File, int Line, string? Column, string Reason, string? Value = null);

/// <summary>A French message of a report with its arguments, translated on display.</summary>
internal sealed record ReportMessage(string Text, IReadOnlyList<string> Args)
{
    public static ReportMessage Of(string text, params string[] args) => new(text, args);
}

/// <summary>
/// The whole file cannot be read (wrong encoding, missing column, dangerous archive): nothing is imported,
/// and the report says why in French.
/// </summary>
internal sealed class RosterFileException(ReportMessage problem) : Exception(problem.Text)
{
    public ReportMessage Problem { get; } = problem;

    public RosterFileException(string text, params string[] args)
        : this(ReportMessage.Of(text, args))
    {
    }
}

/// <summary>
/// The rejected lines of one reading. Each line is rejected once, with its first problem; the list keeps
/// the first <see cref="MaxListed"/> (a file of garbage must not fill the database), the count all of them.
/// </summary>
internal sealed class RosterIssues(int maxListed)
{
    private readonly List<RosterIssue> _listed = [];

    public int MaxListed { get; } = maxListed;

    public IReadOnlyList<RosterIssue> Listed => _listed;

    public int Count { get; private set; }

    public bool Truncated => Count > _listed.Count;

    /// <summary>Notices that do not reject anything (the encoding the file was read in, a risky deactivation count).</summary>
    public List<ReportMessage> Notices { get; } = [];

    public void Reject(string file, int line, string? column, string reason, string? value = null)
    {
        Count++;
        if (_listed.Count < MaxListed)
        {
            _listed.Add(new RosterIssue(file, line, column, reason, value is { Length: > 200 } ? value[..200] : value));
        }
    }

    // Reasons, written once so that the report and docs/imports.md use the same words.
    public static readonly string MissingValue = Text.Fr("Valeur obligatoire manquante.");
    public static readonly string InvalidUai = Text.Fr("« {0} » n’est pas un code UAI valide (7 chiffres et une lettre de contrôle).");
    public static readonly string UnknownUai = Text.Fr("L’établissement « {0} » n’existe pas dans le territoire : créez-le d’abord.");
    public static readonly string OutOfScope = Text.Fr("L’établissement « {0} » n’est pas dans le périmètre de cet import.");
    public static readonly string DuplicateId = Text.Fr("L’identifiant « {0} » apparaît déjà plus haut dans le fichier.");
    public static readonly string UnknownReference = Text.Fr("« {0} » ne correspond à aucune ligne valable du fichier.");
    public static readonly string InvalidDate = Text.Fr("Date invalide : écrivez-la JJ/MM/AAAA ou AAAA-MM-JJ.");
    public static readonly string ImplausibleBirthDate = Text.Fr("Date de naissance hors limites pour un élève.");
    public static readonly string InvalidEmail = Text.Fr("Adresse électronique invalide.");
    public static readonly string InvalidPhone = Text.Fr("Numéro de téléphone invalide.");
    public static readonly string InvalidName = Text.Fr("Nom trop long (100 caractères au plus) ou contenant des caractères de contrôle.");
    public static readonly string InvalidIdentifier = Text.Fr("Identifiant trop long (100 caractères au plus) ou contenant des caractères de contrôle.");
    public static readonly string InvalidIne = Text.Fr("Identifiant national élève (INE) invalide : 11 caractères, 10 chiffres et une lettre ou 9 chiffres et deux lettres.");
    public static readonly string UnknownLevel = Text.Fr("Niveau inconnu « {0} » (TPS, PS, MS, GS, CP, CE1, CE2, CM1, CM2, 6e, 5e, 4e, 3e, 2de, 1re, Tle).");
    public static readonly string UnknownRelation = Text.Fr("Lien inconnu « {0} » (Mère, Père, Tuteur, Autre, ou la civilité Mme, M.).");
    public static readonly string InvalidYesNo = Text.Fr("Valeur « {0} » invalide : écrivez oui ou non.");
    public static readonly string InvalidSchoolYear = Text.Fr("Année scolaire « {0} » invalide : écrivez-la 2026-2027.");
    public static readonly string IncompleteGuardian = Text.Fr("Responsable incomplet : le nom et le prénom sont obligatoires.");
    public static readonly string SecondClassSameYear = Text.Fr("L’élève est déjà dans une autre classe cette année-là (« {0} »).");
    public static readonly string MalformedLine = Text.Fr("Ligne mal formée (guillemets non refermés ou mal placés) : elle n’a pas pu être lue.");
    public static readonly string UnsupportedRole = Text.Fr("Le rôle « {0} » n’est pas importé : les administrateurs et les rôles inconnus se gèrent dans Préau.");
    public static readonly string NoRoleInScope = Text.Fr("Cette personne n’a aucun rôle importé dans le périmètre de l’import.");
    public static readonly string UnknownValue = Text.Fr("Valeur « {0} » non reconnue.");
    public static readonly string DatesOutOfOrder = Text.Fr("La date de fin précède la date de début.");
    public static readonly string WrongRoleForReference = Text.Fr("« {0} » n’a pas le rôle attendu (un élève et son responsable).");
    public static readonly string InactiveSchool = Text.Fr("L’établissement « {0} » est désactivé dans Préau.");
}
