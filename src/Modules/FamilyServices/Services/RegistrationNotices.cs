using Microsoft.EntityFrameworkCore;
using Preau.Communication.Contracts;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Services;

/// <summary>Tells a household's guardians what became of a registration (category familyservices.registration).</summary>
internal sealed class RegistrationNotices(FamilyServicesDbContext db, IStructureDirectory directory)
{
    public const string Category = "familyservices.registration";

    /// <summary>Publishes one notification per registration (in the caller's unit of work: sent only if it commits).</summary>
    public async Task PublishAsync(IEnumerable<(Registration Registration, Service Service, bool Promoted)> changes, CancellationToken cancellationToken)
    {
        var list = changes.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var householdIds = list.Select(c => c.Registration.HouseholdId).Distinct().ToList();
        var guardians = (await db.HouseholdMembers.AsNoTracking()
                .Where(m => householdIds.Contains(m.HouseholdId) && m.Role == MemberRole.Guardian)
                .Select(m => new { m.HouseholdId, m.PersonId }).ToListAsync(cancellationToken))
            .ToLookup(m => m.HouseholdId, m => m.PersonId);
        var children = (await directory.GetPeopleAsync(list.Select(c => c.Registration.ChildId), cancellationToken)).ToDictionary(p => p.Id, p => p.FirstName);
        foreach (var (registration, service, promoted) in list)
        {
            var title = promoted ? Fr("Une place s’est libérée : {0} – {1}") : registration.Status switch
            {
                RegistrationStatus.Accepted => Fr("Inscription acceptée : {0} – {1}"),
                RegistrationStatus.Pending => Fr("Inscription enregistrée, en attente de validation : {0} – {1}"),
                RegistrationStatus.WaitingList => Fr("Inscription en liste d’attente : {0} – {1}"),
                RegistrationStatus.Refused => Fr("Inscription refusée : {0} – {1}"),
                _ => Fr("Inscription annulée : {0} – {1}"),
            };
            var kind = registration.Status == RegistrationStatus.Refused ? NotificationKind.ActionRequired : NotificationKind.Information;
            db.Publish(new NotificationRequested(
                guardians[registration.HouseholdId].ToList(), Category, kind, title,
                [children.GetValueOrDefault(registration.ChildId) ?? string.Empty, service.Name], "/famille/inscriptions", service.SchoolId));
        }
    }
}
