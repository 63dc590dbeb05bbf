using Preau.Communication.Contracts;
using Preau.Communication.Data;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;

namespace Preau.Communication.Publishing;

/// <summary>The accounts behind an audience (a class, a school, the territory), for notifications.</summary>
internal sealed class Audiences(IStructureDirectory directory)
{
    /// <summary>Recipients per notification request: a territory-wide item is split into several requests.</summary>
    public const int RecipientsPerRequest = 500;

    /// <summary>The guardians of the class's pupils, and the pupils when asked.</summary>
    public async Task<IReadOnlyList<Guid>> OfClassAsync(Guid classGroupId, bool withPupils, CancellationToken cancellationToken)
    {
        var pupils = await directory.ListPupilsOfGroupAsync(classGroupId, cancellationToken);
        return await FamiliesAsync(pupils, withPupils, cancellationToken);
    }

    /// <summary>The guardians of the school's pupils, and the pupils when asked.</summary>
    public async Task<IReadOnlyList<Guid>> OfSchoolAsync(Guid schoolId, bool withPupils, CancellationToken cancellationToken)
    {
        var pupils = await directory.ListPupilsOfSchoolAsync(schoolId, cancellationToken);
        return await FamiliesAsync(pupils, withPupils, cancellationToken);
    }

    /// <summary>Every guardian of the territory.</summary>
    public async Task<IReadOnlyList<Guid>> OfTerritoryAsync(CancellationToken cancellationToken) =>
        (await directory.ListAccountsWithProfileAsync(Profile.Guardian, cancellationToken)).Select(p => p.Id).ToList();

    private async Task<IReadOnlyList<Guid>> FamiliesAsync(IReadOnlyList<PupilInfo> pupils, bool withPupils, CancellationToken cancellationToken)
    {
        var guardians = await directory.ListGuardiansOfPupilsAsync(pupils.Select(p => p.Id), cancellationToken);
        var recipients = guardians.Select(g => g.GuardianId);
        if (withPupils)
        {
            recipients = recipients.Concat(pupils.Select(p => p.Id));
        }

        return recipients.Distinct().ToList();
    }

    /// <summary>Publishes the notification in the context's outbox, in requests of bounded size.</summary>
    public static void Notify(CommunicationDbContext db, IEnumerable<Guid> recipients, string category, NotificationKind kind, string titleTemplate, IReadOnlyList<string> arguments, string link, Guid? schoolId)
    {
        foreach (var chunk in recipients.Distinct().Chunk(RecipientsPerRequest))
        {
            db.Publish(new NotificationRequested(chunk, category, kind, titleTemplate, arguments, link, schoolId));
        }
    }
}
