using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Data;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.Homework;
using Preau.SchoolLife.Timetable;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>Arrangements and checks of the homework and timetable tests, on the test territory's dates (Monday 23 November 2026).</summary>
internal static class SchoolLifeArrangements
{
    public const string Today = "2026-11-23";
    public const string Tomorrow = "2026-11-24";

    /// <summary>Writes a session through the teacher's form; returns the answer (a redirect when saved).</summary>
    public static Task<HttpResponseMessage> WriteEntryAsync(HttpClient teacher, Guid classGroupId, Dictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Input.Subject"] = "Mathématiques",
            ["Input.Lesson"] = "Les fractions décimales.",
            ["Input.Work"] = "Exercices 5 et 6 page 42.",
            ["Input.DueOn"] = Tomorrow,
        };
        foreach (var (name, value) in fields ?? [])
        {
            all[name] = value;
        }

        return PreauApp.SubmitFormAsync(teacher, $"/cahier-de-textes/classe/{classGroupId}/nouvelle-seance", all);
    }

    /// <summary>The entries of a class, newest first.</summary>
    public static Task<List<HomeworkEntry>> EntriesAsync(this PreauApp app, Guid territoryId, Guid classGroupId) =>
        app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<SchoolLifeDbContext>().HomeworkEntries.AsNoTracking()
            .Where(e => e.ClassGroupId == classGroupId).OrderByDescending(e => e.CreatedAt).ToListAsync());

    /// <summary>The notifications of an account in a category.</summary>
    public static Task<List<string>> NotificationsAsync(this PreauApp app, Guid territoryId, Guid accountId, string category) =>
        app.InTerritoryAsync(territoryId, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications.AsNoTracking()
            .Where(n => n.RecipientId == accountId && n.Category == category).Select(n => n.Title).ToListAsync());

    /// <summary>Adds a slot to a class's timetable straight in the tables.</summary>
    public static Task<TimetableSlot> AddSlotAsync(this PreauApp app, TestTerritory territory, Guid classGroupId, Guid schoolId, DayOfWeek day, int hour, string subject, Guid? teacherId, WeekPattern weeks = WeekPattern.Every, string? room = "B12") =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var db = sp.GetRequiredService<SchoolLifeDbContext>();
            var slot = new TimetableSlot
            {
                SchoolId = schoolId,
                SchoolYearId = territory.SchoolYear,
                ClassGroupId = classGroupId,
                Day = day,
                StartsAt = new TimeOnly(hour, 0),
                EndsAt = new TimeOnly(hour + 1, 0),
                Subject = subject,
                TeacherId = teacherId,
                Room = room,
                Weeks = weeks,
            };
            db.TimetableSlots.Add(slot);
            await db.SaveChangesAsync();
            return slot;
        });

    /// <summary>
    /// Posts to an address with a valid antiforgery token taken from another page of the same session:
    /// a forged request that only the rights can stop.
    /// </summary>
    public static async Task<HttpResponseMessage> PostForgedAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var token = (await PreauApp.GetPageAsync(client, "/")).QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The text of a page's main content (without the layout's header and footer).</summary>
    public static async Task<string> MainTextAsync(HttpClient client, string url) =>
        (await PreauApp.GetPageAsync(client, url)).QuerySelector("main")!.TextContent;
}
