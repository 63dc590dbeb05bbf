using Preau.Platform.Authorization;
using Preau.Platform.Localization;

namespace Preau.Communication.Rules;

/// <summary>French words for the rules, as the matrix page and the compose page show them.</summary>
internal static class RulesText
{
    /// <summary>The people of a profile, in the plural: "les enseignants".</summary>
    public static string Plural(Profile profile) => profile switch
    {
        Profile.Pupil => Text.Fr("les élèves"),
        Profile.Guardian => Text.Fr("les responsables légaux"),
        Profile.Teacher => Text.Fr("les enseignants"),
        Profile.Head => Text.Fr("la direction"),
        Profile.SchoolLifeStaff => Text.Fr("la vie scolaire"),
        Profile.AfterSchoolStaff => Text.Fr("le personnel périscolaire"),
        Profile.MunicipalAgent => Text.Fr("les services municipaux"),
        Profile.ItTechnician => Text.Fr("les techniciens informatiques"),
        Profile.ElectedOfficial => Text.Fr("les élus"),
        Profile.Partner => Text.Fr("les partenaires"),
        _ => Text.Fr("l’administration du territoire"),
    };

    /// <summary>A reach, in words.</summary>
    public static string Of(Reach reach) => reach switch
    {
        Reach.Class => Text.Fr("de la classe"),
        Reach.School => Text.Fr("de l’école"),
        Reach.Territory => Text.Fr("du territoire"),
        _ => Text.Fr("personne"),
    };
}
