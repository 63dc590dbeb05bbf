namespace Preau.Identity.Contracts;

/// <summary>Kinds of school, as the French education system names them.</summary>
public enum SchoolKind
{
    /// <summary>École maternelle (cycle 1).</summary>
    Maternelle,

    /// <summary>École élémentaire (cycles 2 et 3).</summary>
    Elementaire,

    /// <summary>École primaire (maternelle et élémentaire).</summary>
    Primaire,

    /// <summary>Collège.</summary>
    College,

    /// <summary>Lycée.</summary>
    Lycee,
}

/// <summary>A class (each pupil has one per year) or a group (any number: a language, a half-class).</summary>
public enum ClassGroupKind
{
    /// <summary>Classe (division).</summary>
    Class,

    /// <summary>Groupe.</summary>
    Group,
}

/// <summary>The kind of link between a guardian and a pupil, as school administration records it.</summary>
public enum GuardianRelation
{
    /// <summary>Mère.</summary>
    Mother,

    /// <summary>Père.</summary>
    Father,

    /// <summary>Tuteur ou tutrice légal(e).</summary>
    LegalGuardian,

    /// <summary>Autre lien (famille d'accueil, aide sociale à l'enfance…).</summary>
    Other,
}
