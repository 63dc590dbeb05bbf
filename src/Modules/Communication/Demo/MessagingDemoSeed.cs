using Preau.Communication.Messaging;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;

namespace Preau.Communication.Demo;

/// <summary>
/// A few conversations of the demo territory, written through the same use cases as the pages (so the
/// communication rules apply): the CM2 teacher writes to her class's families, the head to every family
/// of the school, and parent.martin exchanges with the teacher about Lucas.
/// </summary>
internal sealed class MessagingDemoSeed(IStructureDirectory directory, SendMessage send) : IDemoSeed
{
    public int Order => 100;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var teacher = await FindAsync("Julie Fontaine", Profile.Teacher, cancellationToken);
        var head = await FindAsync("Karim Benali", Profile.Head, cancellationToken);
        var parent = await FindAsync("Nathalie Martin", Profile.Guardian, cancellationToken);
        if (teacher is null || head is null || parent is null)
        {
            return;
        }

        var teacherPlace = (await directory.GetPlacementsAsync([teacher.Value], cancellationToken)).Single();
        var cm2 = teacherPlace.TaughtGroups.First();
        await send.StartAsync(teacher.Value, new NewMessage(
            "Sortie à la médiathèque jeudi",
            "<p>Bonjour,</p><p>Jeudi matin, la classe de CM2 ira à la médiathèque de Valmont. Prévoyez une tenue adaptée à la marche ; retour à l’école pour la cantine.</p><p>Julie Fontaine</p>",
            [RecipientToken.Group(AudienceKind.ClassGuardians, cm2.Key)]), cancellationToken);
        await send.StartAsync(head.Value, new NewMessage(
            "Réunion des familles de l’école",
            "<p>Madame, Monsieur,</p><p>Une réunion d’information aura lieu mardi à 18 h 30 dans le préau de l’école. Ordre du jour : projet d’école, classes de découverte, restauration scolaire.</p><p>Karim Benali, directeur</p>",
            [RecipientToken.Group(AudienceKind.SchoolFamilies, cm2.Value)]), cancellationToken);
        var question = await send.StartAsync(parent.Value, new NewMessage(
            "Absence de Lucas vendredi",
            "<p>Bonjour Madame Fontaine,</p><p>Lucas aura rendez-vous chez l’orthodontiste vendredi à 14 h : je viendrai le chercher à 13 h 30.</p><p>Nathalie Martin</p>",
            [RecipientToken.Account(teacher.Value)]), cancellationToken);
        if (question.ConversationId is { } conversation)
        {
            await send.ReplyAsync(teacher.Value, new Reply(conversation, "<p>Bonjour Madame Martin, c’est noté. Pensez à signer le mot dans le carnet de liaison.</p>", ToAll: true), cancellationToken);
        }
    }

    private async Task<Guid?> FindAsync(string name, Profile profile, CancellationToken cancellationToken) =>
        (await directory.SearchAccountsAsync(name, profile, 1, cancellationToken)) is [var person] ? person.Id : null;
}
