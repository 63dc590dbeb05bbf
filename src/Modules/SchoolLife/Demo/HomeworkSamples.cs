using Preau.Identity.Contracts;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;

namespace Preau.SchoolLife.Demo;

/// <summary>Realistic lesson and homework texts per subject, for the demo territory and the synthetic one.</summary>
internal static class HomeworkSamples
{
    private static readonly Dictionary<string, (string Lesson, string? Work)[]> BySubject = new(StringComparer.Ordinal)
    {
        ["Français"] =
        [
            ("<p>Lecture du chapitre {0} de <em>Le Petit Prince</em> : les personnages et leurs relations.</p>", "<p>Relire le chapitre {0} et répondre aux questions 1 à 4 page {1}.</p>"),
            ("<p>Grammaire : le complément d’objet direct et indirect. Exercices collectifs au tableau.</p>", "<p>Exercices 3 et 4 page {1} du manuel de grammaire.</p>"),
            ("<p>Dictée préparée n° {0} et correction collective.</p>", "<p>Apprendre les mots de la dictée n° {0} (liste dans le cahier rouge).</p>"),
            ("<p>Rédaction : écrire la suite d’un conte. Travail au brouillon en binôme.</p>", "<p>Recopier au propre le début de la rédaction (10 lignes au moins).</p>"),
        ],
        ["Mathématiques"] =
        [
            ("<p>Fractions décimales : passer de l’écriture fractionnaire à l’écriture décimale.</p>", "<p>Exercices 5, 6 et 8 page {1} du fichier.</p>"),
            ("<p>Calcul mental : tables de multiplication par 7 et 8. Problèmes à étapes.</p>", "<p>Revoir les tables de 7 et de 8 ; petit contrôle à la prochaine séance.</p>"),
            ("<p>Géométrie : tracer un triangle connaissant ses trois côtés, au compas.</p>", "<p>Tracer les triangles de l’exercice {0} page {1}, avec règle et compas.</p>"),
            ("<p>Proportionnalité : tableaux et coefficient, recettes de cuisine.</p>", "<p>Problèmes 2 et 3 de la fiche distribuée.</p>"),
        ],
        ["Histoire-géographie"] =
        [
            ("<p>La Révolution française : de la prise de la Bastille à la déclaration des droits de l’homme et du citoyen.</p>", "<p>Apprendre la leçon et les dates clés (1789, 1792).</p>"),
            ("<p>Se loger dans une grande ville : étude de documents sur Lyon.</p>", "<p>Compléter la carte du quartier étudié.</p>"),
        ],
        ["Anglais"] =
        [
            ("<p>Describing my family: vocabulary and the verb <em>to have</em>.</p>", "<p>Learn the family vocabulary list (page {1}).</p>"),
            ("<p>Daily routine: telling the time, present simple.</p>", "<p>Write five sentences about your daily routine.</p>"),
        ],
        ["Sciences de la vie et de la Terre"] =
        [
            ("<p>Les besoins nutritifs des végétaux : mise en place de l’expérience sur la germination.</p>", "<p>Compléter le schéma de l’expérience et noter une hypothèse.</p>"),
            ("<p>La classification du vivant : groupes emboîtés.</p>", "<p>Apprendre la leçon ; savoir refaire l’arbre des groupes.</p>"),
        ],
        ["Physique-chimie"] =
        [
            ("<p>Les états de la matière : expériences de fusion et de solidification.</p>", "<p>Apprendre la leçon ; savoir définir fusion et solidification.</p>"),
        ],
        ["Sciences"] =
        [
            ("<p>Le cycle de l’eau : évaporation et condensation, expérience en classe.</p>", "<p>Légender le schéma du cycle de l’eau.</p>"),
        ],
        ["Espagnol"] =
        [
            ("<p>Presentarse: me llamo, tengo… años, vivo en…</p>", "<p>Apprendre à se présenter en cinq phrases.</p>"),
        ],
    };

    private static readonly (string Lesson, string? Work)[] Other =
    [
        ("<p>Séance pratique en atelier ; bilan collectif en fin d’heure.</p>", null),
        ("<p>Projet de classe : préparation de l’exposition de fin de trimestre.</p>", null),
    ];

    /// <summary>A lesson and optional work for a subject; <paramref name="index"/> varies the text.</summary>
    public static (string Lesson, string? Work) For(string subject, int index)
    {
        var samples = BySubject.TryGetValue(subject, out var known) ? known : Other;
        var (lesson, work) = samples[index % samples.Length];
        var chapter = (index % 20) + 1;
        var page = 12 + (index % 150);
        return (string.Format(System.Globalization.CultureInfo.InvariantCulture, lesson, chapter, page),
            work is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, work, chapter, page));
    }

    /// <summary>The weekly timetable of an elementary class: four days, a morning of French and maths, afternoons that vary.</summary>
    public static IReadOnlyList<(DayOfWeek Day, TimeOnly Start, TimeOnly End, string Subject)> Elementary { get; } =
    [
        .. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday }.SelectMany(day => new[]
        {
            (day, new TimeOnly(8, 30), new TimeOnly(10, 0), "Français"),
            (day, new TimeOnly(10, 15), new TimeOnly(11, 45), "Mathématiques"),
            (day, new TimeOnly(13, 30), new TimeOnly(14, 30), day switch { DayOfWeek.Monday => "Histoire-géographie", DayOfWeek.Tuesday => "Sciences", DayOfWeek.Thursday => "Anglais", _ => "Enseignement moral et civique" }),
            (day, new TimeOnly(14, 45), new TimeOnly(16, 30), day switch { DayOfWeek.Monday => "Éducation physique et sportive", DayOfWeek.Tuesday => "Arts plastiques", DayOfWeek.Thursday => "Éducation physique et sportive", _ => "Éducation musicale" }),
        }),
    ];

    /// <summary>The lesson times of a collège day (Wednesday: the morning only).</summary>
    public static IReadOnlyList<(TimeOnly Start, TimeOnly End)> SecondaryHours(DayOfWeek day) => day == DayOfWeek.Wednesday
        ? [(new(8, 0), new(9, 0)), (new(9, 0), new(10, 0)), (new(10, 15), new(11, 15)), (new(11, 15), new(12, 15))]
        : [(new(8, 0), new(9, 0)), (new(9, 0), new(10, 0)), (new(10, 15), new(11, 15)), (new(11, 15), new(12, 15)), (new(13, 45), new(14, 45)), (new(14, 45), new(15, 45)), (new(16, 0), new(17, 0))];

    /// <summary>A slot of a class's week.</summary>
    public static TimetableSlot Slot(ClassGroupInfo group, DayOfWeek day, TimeOnly start, TimeOnly end, string subject, Guid? teacherId, string? room, WeekPattern weeks, DateTime now) => new()
    {
        SchoolId = group.SchoolId,
        SchoolYearId = group.SchoolYearId,
        ClassGroupId = group.Id,
        Day = day,
        StartsAt = start,
        EndsAt = end,
        Subject = subject,
        TeacherId = teacherId,
        Room = room,
        Weeks = weeks,
        UpdatedAt = now,
    };

    /// <summary>
    /// A session of a slot's class on a day, written by the slot's teacher and published at
    /// <paramref name="publishAt"/>; published in the past, it was notified then.
    /// </summary>
    public static HomeworkEntry Session(TimetableSlot slot, DateOnly day, string lesson, string? work, DateOnly? due, int? minutes, DateTime publishAt, DateTime now) => new()
    {
        SchoolId = slot.SchoolId,
        SchoolYearId = slot.SchoolYearId,
        ClassGroupId = slot.ClassGroupId,
        AuthorId = slot.TeacherId,
        Subject = slot.Subject,
        SessionOn = day,
        SessionStartsAt = slot.StartsAt,
        LessonHtml = lesson,
        WorkHtml = due is null || work is null ? string.Empty : work,
        DueOn = work is null ? null : due,
        EstimatedMinutes = due is null || work is null ? null : minutes,
        PublishAt = publishAt,
        CreatedAt = publishAt,
        UpdatedAt = publishAt,
        NotifiedAt = publishAt <= now ? publishAt : null,
    };
}
