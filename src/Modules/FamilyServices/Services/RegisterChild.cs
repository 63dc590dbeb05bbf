using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Services;

/// <summary>A registration as a guardian submits it, with the files of the documents still missing.</summary>
internal sealed record RegistrationRequest(Guid ChildId, Guid ServiceId, DateOnly? StartsOn, DateOnly? EndsOn, Guid? StopId, IReadOnlyDictionary<DocumentKind, IFormFile> Documents);

/// <summary>
/// A guardian registers a child of their household to a service of the child's school, for the year or
/// a period, with the documents the service requires (those the household already gave count, unless
/// rejected). With a place free, the registration holds it at once (accepted, or pending when the agent
/// validates); without, it joins the waiting list. The place is taken in the same transaction as the
/// registration is written (<see cref="Places"/>).
/// </summary>
internal sealed class RegisterChild(
    FamilyServicesDbContext db,
    IStructureDirectory directory,
    SupportingDocuments documents,
    Places places,
    RegistrationNotices notices,
    HouseholdHistory history,
    TenantContext tenant,
    TimeProvider clock)
{
    public async Task<(Registration? Registration, IReadOnlyList<FormProblem> Problems)> HandleAsync(
        Guid actorId, HouseholdResource household, ChildResource child, RegistrationRequest request, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Stops).FirstOrDefaultAsync(s => s.Id == request.ServiceId, cancellationToken);
        if (service is null || service.SchoolId != child.SchoolId)
        {
            return (null, [new FormProblem(nameof(RegistrationRequest.ServiceId), Fr("Choisissez un service de l’école de l’enfant."))]);
        }

        var today = tenant.Today(clock);
        var problems = CheckPeriod(service, request.StartsOn, request.EndsOn, today, out var startsOn, out var endsOn);
        if (!service.RegistrationOpen)
        {
            problems.Add(new FormProblem(nameof(RegistrationRequest.ServiceId), Fr("Les inscriptions à ce service sont fermées.")));
        }

        if (service.Kind == ServiceKind.Transport && !service.Stops.Any(s => s.Id == request.StopId))
        {
            problems.Add(new FormProblem(nameof(RegistrationRequest.StopId), Fr("Choisissez l’arrêt de la ligne.")));
        }

        var childName = await directory.GetPeopleAsync([child.ChildId], cancellationToken) is [var person, ..] ? person.FirstName : string.Empty;
        if (await db.Registrations.AnyAsync(r => r.ServiceId == service.Id && r.ChildId == child.ChildId && Registration.Live.Contains(r.Status), cancellationToken))
        {
            problems.Add(new FormProblem(nameof(RegistrationRequest.ServiceId), Fr("Une inscription de {0} à ce service existe déjà."), childName));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var given = await db.SupportingDocuments.AsNoTracking().Where(d => d.HouseholdId == household.Id).ToListAsync(cancellationToken);
        foreach (var kind in SupportingDocuments.In(SupportingDocument.Missing(service.RequiredDocuments, given)))
        {
            var field = $"Documents[{kind}]";
            if (request.Documents.GetValueOrDefault(kind) is not { Length: > 0 } file)
            {
                problems.Add(new FormProblem(field, Fr("Joignez ce document : {0}."), SupportingDocuments.NameOf(kind)));
                continue;
            }

            var forChild = kind is DocumentKind.IndividualCarePlan or DocumentKind.VaccinationRecord ? child.ChildId : (Guid?)null;
            problems.AddRange((await documents.UploadAsync(household, actorId, kind, forChild, file, field, cancellationToken)).Problems);
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var registration = new Registration
        {
            ServiceId = service.Id,
            ChildId = child.ChildId,
            HouseholdId = household.Id,
            StartsOn = startsOn,
            EndsOn = endsOn,
            StopId = service.Kind == ServiceKind.Transport ? request.StopId : null,
            SubmittedAt = now,
            SubmittedBy = actorId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        registration.Start(await places.TryTakeAsync(service.Id, cancellationToken), service.RequiresApproval, now);
        db.Registrations.Add(registration);
        history.Record(household.Id, HouseholdChangeKind.RegistrationSubmitted, actorId, $"{childName} – {service.Name}");
        await notices.PublishAsync([(registration, service, false)], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The other household registered the child at the same instant: the unique index kept one.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (null, [new FormProblem(nameof(RegistrationRequest.ServiceId), Fr("Une inscription de {0} à ce service existe déjà."), childName)]);
        }

        return (registration, []);
    }

    /// <summary>The period asked for, inside the service's, not in the past (the service's own period by default).</summary>
    public static List<FormProblem> CheckPeriod(Service service, DateOnly? starts, DateOnly? ends, DateOnly today, out DateOnly startsOn, out DateOnly endsOn)
    {
        var problems = new List<FormProblem>();
        var earliest = service.StartsOn > today ? service.StartsOn : today;
        startsOn = starts ?? earliest;
        endsOn = ends ?? service.EndsOn;
        if (startsOn < earliest)
        {
            problems.Add(new FormProblem(nameof(RegistrationRequest.StartsOn), Fr("L’inscription commence au plus tôt le {0:d}."), earliest));
        }

        if (endsOn > service.EndsOn || endsOn < startsOn)
        {
            problems.Add(new FormProblem(nameof(RegistrationRequest.EndsOn), Fr("L’inscription se termine après son début et au plus tard le {0:d}, fin du service."), service.EndsOn));
        }

        if (today > service.EndsOn)
        {
            problems.Add(new FormProblem(nameof(RegistrationRequest.ServiceId), Fr("Ce service est terminé.")));
        }

        return problems;
    }
}
