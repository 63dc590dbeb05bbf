using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;
using Preau.Identity.Contracts;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Services;

/// <summary>A service as the agent's form gives it.</summary>
internal sealed record ServiceInput(
    Guid SchoolId,
    ServiceKind Kind,
    string? Name,
    string? Description,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    Weekdays Days,
    bool DuringHolidays,
    TimeOnly? OpensAt,
    TimeOnly? ClosesAt,
    BillingUnit BillingUnit,
    bool RequiresReservation,
    bool RequiresApproval,
    int? Capacity,
    int? DailyCapacity,
    int DeadlineWorkingDays,
    TimeOnly? DeadlineTime,
    LateChangePolicy LateChanges,
    DocumentKind RequiredDocuments,
    bool RegistrationOpen,
    string? Stops);

/// <summary>
/// The town's agent defines a service of a school for a school year (the year is the one its first day
/// falls in), or changes it. A larger capacity serves the waiting list at once; a smaller one can never
/// go below the places already taken.
/// </summary>
internal sealed class SaveService(FamilyServicesDbContext db, IStructureDirectory directory, Places places, RegistrationNotices notices)
{
    public const int MaxStops = 60;

    public async Task<(Guid? ServiceId, IReadOnlyList<FormProblem> Problems)> HandleAsync(Guid? serviceId, ServiceInput input, CancellationToken cancellationToken)
    {
        var problems = new List<FormProblem>();
        problems.CheckText(nameof(ServiceInput.Name), input.Name, 100, required: true);
        problems.CheckText(nameof(ServiceInput.Description), input.Description, 1000);
        if (await directory.GetSchoolAsync(input.SchoolId, cancellationToken) is null)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.SchoolId), Fr("Choisissez une école de la liste.")));
        }

        if (!Enum.IsDefined(input.Kind) || !Enum.IsDefined(input.BillingUnit) || !Enum.IsDefined(input.LateChanges))
        {
            problems.Add(new FormProblem(nameof(ServiceInput.Kind), Fr("Choisissez une valeur de la liste.")));
        }

        var calendar = await directory.GetSchoolCalendarAsync(cancellationToken);
        var year = input.StartsOn is { } start ? calendar.YearOf(start) : null;
        if (input.StartsOn is null || input.EndsOn is null)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.StartsOn), Fr("Indiquez le premier et le dernier jour du service.")));
        }
        else if (year is null)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.StartsOn), Fr("Le premier jour doit tomber dans une année scolaire du territoire.")));
        }
        else if (input.EndsOn < input.StartsOn || input.EndsOn > year.EndsOn)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.EndsOn), Fr("Le dernier jour doit suivre le premier, dans la même année scolaire (jusqu’au {0:d})."), year.EndsOn));
        }

        if ((input.Days & ~(Weekdays)0b111111) != Weekdays.None || input.Days == Weekdays.None)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.Days), Fr("Cochez au moins un jour de fonctionnement.")));
        }

        if (input.OpensAt is { } opens && input.ClosesAt is { } closes && closes <= opens)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.ClosesAt), Fr("L’heure de fermeture doit suivre l’heure d’ouverture.")));
        }
        else if (input.BillingUnit == BillingUnit.PerHour && (input.OpensAt is null || input.ClosesAt is null))
        {
            problems.Add(new FormProblem(nameof(ServiceInput.OpensAt), Fr("Un service facturé à l’heure a des horaires d’ouverture et de fermeture.")));
        }

        CheckRange(problems, nameof(ServiceInput.Capacity), input.Capacity, 1, Service.MaxCapacity);
        CheckRange(problems, nameof(ServiceInput.DailyCapacity), input.DailyCapacity, 1, Service.MaxCapacity);
        CheckRange(problems, nameof(ServiceInput.DeadlineWorkingDays), input.DeadlineWorkingDays, 0, Service.MaxDeadlineWorkingDays);
        if (input.DeadlineTime is null)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.DeadlineTime), Fr("Indiquez l’heure limite de réservation.")));
        }

        var stops = ParseStops(input.Stops, problems);
        var service = serviceId is { } id ? await db.Services.Include(s => s.Stops).FirstOrDefaultAsync(s => s.Id == id, cancellationToken) : null;
        if (serviceId is not null && service is null)
        {
            problems.Add(new FormProblem(string.Empty, Fr("Ce service n’existe plus.")));
        }

        if (service is not null && Service.CheckCapacity(input.Capacity, service.PlacesTaken) is { } capacityProblem)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.Capacity), capacityProblem, service.PlacesTaken));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        service ??= db.Services.Add(new Service { Name = string.Empty }).Entity;
        service.SchoolId = input.SchoolId;
        service.SchoolYearId = year!.Id;
        service.Kind = input.Kind;
        service.Name = PlainText.Clean(input.Name)!;
        service.Description = PlainText.Clean(input.Description);
        service.StartsOn = input.StartsOn!.Value;
        service.EndsOn = input.EndsOn!.Value;
        service.Days = input.Days;
        service.DuringHolidays = input.DuringHolidays;
        service.OpensAt = input.OpensAt;
        service.ClosesAt = input.ClosesAt;
        service.BillingUnit = input.BillingUnit;
        service.RequiresReservation = input.RequiresReservation;
        service.RequiresApproval = input.RequiresApproval;
        service.Capacity = input.Capacity;
        service.DailyCapacity = input.DailyCapacity;
        service.DeadlineWorkingDays = input.DeadlineWorkingDays;
        service.DeadlineTime = input.DeadlineTime!.Value;
        service.LateChanges = input.LateChanges;
        service.RequiredDocuments = input.RequiredDocuments & SupportingDocuments.Kinds.Aggregate(DocumentKind.None, (all, k) => all | k.Kind);
        service.RegistrationOpen = input.RegistrationOpen;
        if (!stops.Select(s => (s.Name, s.MorningTime, s.EveningTime)).SequenceEqual(service.Stops.OrderBy(s => s.Position).Select(s => (s.Name, s.MorningTime, s.EveningTime))))
        {
            db.ServiceStops.RemoveRange(service.Stops);
            service.Stops.Clear();
            service.Stops.AddRange(stops.Select((s, i) => new ServiceStop { ServiceId = service.Id, Position = i + 1, Name = s.Name, MorningTime = s.MorningTime, EveningTime = s.EveningTime }));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var promoted = await places.ServeWaitingListAsync(service, null, cancellationToken);
        await notices.PublishAsync(promoted.Select(r => (r, service, true)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (service.Id, []);
    }

    /// <summary>The stops of a line, one per line: "Place de la Mairie ; 07:45 ; 17:10" (times optional).</summary>
    public static List<(string Name, TimeOnly? MorningTime, TimeOnly? EveningTime)> ParseStops(string? text, List<FormProblem> problems)
    {
        var stops = new List<(string, TimeOnly?, TimeOnly?)>();
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > MaxStops)
        {
            problems.Add(new FormProblem(nameof(ServiceInput.Stops), Fr("Une ligne a au plus {0} arrêts."), MaxStops));
            return stops;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(';', StringSplitOptions.TrimEntries);
            TimeOnly? morning = null, evening = null;
            var valid = parts.Length <= 3 && PlainText.Check(parts[0], 100, required: true) is null
                && (parts.Length < 2 || ClockTime.TryParse(parts[1], out morning))
                && (parts.Length < 3 || ClockTime.TryParse(parts[2], out evening));
            if (!valid)
            {
                problems.Add(new FormProblem(nameof(ServiceInput.Stops), Fr("Ligne {0} : écrivez « nom de l’arrêt ; heure du matin ; heure du soir », par exemple « Place de la Mairie ; 07:45 ; 17:10 »."), i + 1));
                continue;
            }

            stops.Add((parts[0], morning, evening));
        }

        return stops;
    }

    private static void CheckRange(List<FormProblem> problems, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            problems.Add(new FormProblem(field, Fr("Indiquez un nombre entre {0} et {1}."), min, max));
        }
    }
}
