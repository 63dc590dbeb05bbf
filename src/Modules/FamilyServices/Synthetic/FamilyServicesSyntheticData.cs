using Preau.FamilyServices.Data;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;
using Preau.Platform.Demo;
using Microsoft.Extensions.Logging;

namespace Preau.FamilyServices.Synthetic;

/// <summary>
/// One school year of family services for a generated département (`preau generate-territory`): the
/// households of every family, the usual services of every school, registrations (about two pupils in
/// three at the canteen, one in four in the evening, one in ten in the morning, a third of primary pupils
/// on Wednesdays), and every day of the year booked and, before today, marked. Deterministic for a seed.
/// </summary>
internal sealed class FamilyServicesSyntheticData(FamilyServicesDbContext db, IStructureDirectory directory, FamilyActivity activity, ILogger<FamilyServicesSyntheticData> logger)
    : ISyntheticData
{
    /// <summary>After the structures (Identity), before what is built on reservations (invoicing).</summary>
    public int Order => 50;

    public async Task GenerateAsync(SyntheticScale scale, CancellationToken cancellationToken)
    {
        if (await directory.GetCurrentSchoolYearAsync(cancellationToken) is not { } year)
        {
            return;
        }

        var random = new Random(scale.Seed);
        var schools = await directory.ListSchoolsAsync(cancellationToken);
        var days = 0;
        foreach (var school in schools)
        {
            var families = await activity.CreateHouseholdsAsync(school, cancellationToken);
            var services = FamilyActivity.UsualServices(school, year);
            db.Services.AddRange(services);
            await db.SaveChangesAsync(cancellationToken);
            var uptakes = services.Select(s => s.Kind switch
            {
                ServiceKind.Canteen => new FamilyActivity.Uptake(s, 0.65, [WeekdaySet.SchoolWeek, WeekdaySet.SchoolWeek, Weekdays.Monday | Weekdays.Tuesday | Weekdays.Thursday]),
                ServiceKind.EveningCare => new FamilyActivity.Uptake(s, 0.25, [WeekdaySet.SchoolWeek, Weekdays.Monday | Weekdays.Thursday, Weekdays.Tuesday | Weekdays.Friday]),
                ServiceKind.MorningCare => new FamilyActivity.Uptake(s, 0.10, [WeekdaySet.SchoolWeek, Weekdays.Monday | Weekdays.Friday]),
                _ => new FamilyActivity.Uptake(s, 0.3, [Weekdays.Wednesday]),
            }).ToList();
            days += await activity.RegisterAndBookAsync(families, uptakes, year.StartsOn, year.EndsOn, random, null, cancellationToken);
            logger.LogInformation("Family services: {School} done ({Days} days so far)", school.Name, days);
        }
    }
}
