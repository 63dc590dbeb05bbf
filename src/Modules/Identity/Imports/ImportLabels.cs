using Preau.Platform.Localization;

namespace Preau.Identity.Imports;

/// <summary>The French words of the import pages for the import's enumerations (translated where they are shown).</summary>
internal static class ImportLabels
{
    public static string Format(ImportFormat format) => format switch
    {
        ImportFormat.OneRoster => Text.Fr("OneRoster 1.2"),
        _ => Text.Fr("CSV (format Préau)"),
    };

    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Analysing => Text.Fr("Analyse en cours"),
        ImportStatus.Analysed => Text.Fr("Prêt à appliquer"),
        ImportStatus.Applying => Text.Fr("Application en cours"),
        ImportStatus.Applied => Text.Fr("Appliqué"),
        ImportStatus.Failed => Text.Fr("Échec"),
        _ => Text.Fr("Abandonné"),
    };

    public static string StatusBadge(ImportStatus status) => status switch
    {
        ImportStatus.Applied => "badge--success",
        ImportStatus.Failed => "badge--error",
        ImportStatus.Analysed => "badge--warning",
        ImportStatus.Abandoned => string.Empty,
        _ => "badge--info",
    };

    public static string Subject(ChangeSubject subject) => subject switch
    {
        ChangeSubject.Schools => Text.Fr("Établissements"),
        ChangeSubject.Classes => Text.Fr("Classes et groupes"),
        ChangeSubject.Pupils => Text.Fr("Élèves"),
        ChangeSubject.Guardians => Text.Fr("Responsables"),
        ChangeSubject.Teachers => Text.Fr("Enseignants"),
        ChangeSubject.OtherStaff => Text.Fr("Autres personnels (direction, vie scolaire, périscolaire)"),
        ChangeSubject.Enrolments => Text.Fr("Inscriptions d’élèves dans les classes et groupes"),
        ChangeSubject.GuardianLinks => Text.Fr("Liens entre responsables et élèves"),
        ChangeSubject.TeachingAssignments => Text.Fr("Services d’enseignement (enseignant, classe, matière)"),
        _ => Text.Fr("Affectations des personnels aux établissements"),
    };
}
