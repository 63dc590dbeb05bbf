using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Preau.Communication.Data;
using Preau.Communication.Messaging;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Synthetic;

/// <summary>
/// A school year of messaging for a generated territory (benchmarks): in every school, messages from the
/// head to all its families and from teachers to their classes' guardians; and one guardian with 2,000
/// conversations in the inbox (the inbox page's budget: p99 under 100 ms). Written in batches with change
/// tracking cleared, never row by row.
/// </summary>
internal sealed class MessagingSyntheticData(
    CommunicationDbContext db,
    IStructureDirectory directory,
    TenantContext tenant,
    TimeProvider clock,
    ILogger<MessagingSyntheticData> logger) : ISyntheticData
{
    /// <summary>School-wide messages per school over the year (rentrée, meetings, outings, closures…).</summary>
    public const int SchoolWideMessagesPerSchool = 4;

    /// <summary>Messages from the teachers to each class's guardians over the year.</summary>
    public const int ClassMessagesPerClass = 2;

    /// <summary>The conversations in the heavy inbox.</summary>
    public const int HeavyInboxConversations = 2_000;

    private const int BatchSize = 5_000;

    private static readonly string[] Subjects =
    [
        "Réunion de rentrée", "Sortie au musée", "Photos de classe", "Fermeture exceptionnelle", "Conseil d’école",
        "Piscine : rappel", "Kermesse de fin d’année", "Vaccinations", "Grève annoncée", "Classe de découverte",
    ];

    private readonly List<object> _pending = [];

    public int Order => 100;

    public async Task GenerateAsync(SyntheticScale scale, CancellationToken cancellationToken)
    {
        var random = new Random(scale.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = await directory.GetCurrentSchoolYearAsync(cancellationToken);
        var start = year is null ? now.AddMonths(-3) : tenant.ToUtc(year.StartsOn, new TimeOnly(8, 0));
        var days = Math.Max(1, (int)(now - start).TotalDays);
        DateTime SomeDay() => start.AddDays(random.Next(days)).AddMinutes(random.Next(8 * 60, 19 * 60) - (8 * 60));

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        Guid? heavyGuardian = null;
        List<(Guid Id, string Name)> heavyAuthors = [];
        foreach (var school in (await directory.ListSchoolsAsync(cancellationToken)).Take(scale.Schools))
        {
            var staff = await directory.ListStaffOfSchoolAsync(school.Id, cancellationToken: cancellationToken);
            var head = staff.FirstOrDefault(s => s.Profile == Profile.Head) ?? (staff.Count > 0 ? staff[0] : null);
            if (head is null)
            {
                continue;
            }

            var pupils = await directory.ListPupilsOfSchoolAsync(school.Id, cancellationToken);
            var guardians = await directory.ListGuardiansOfPupilsAsync(pupils.Select(p => p.Id), cancellationToken);
            var families = guardians.Select(g => g.GuardianId).Distinct().ToList();
            for (var i = 0; i < SchoolWideMessagesPerSchool && families.Count > 0; i++)
            {
                await AddAsync((head.AccountId, head.DisplayName), Subjects[random.Next(Subjects.Length)], $"Toutes les familles de {school.Name}", families, SomeDay(), random, cancellationToken);
            }

            var byClass = pupils.Where(p => p.ClassId is not null).GroupBy(p => p.ClassId!.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Id).ToHashSet());
            foreach (var (classId, classPupils) in byClass)
            {
                var teachers = await directory.ListTeachersOfGroupAsync(classId, cancellationToken);
                var classFamilies = guardians.Where(g => classPupils.Contains(g.PupilId)).Select(g => g.GuardianId).Distinct().ToList();
                for (var i = 0; i < ClassMessagesPerClass && teachers.Count > 0 && classFamilies.Count > 0; i++)
                {
                    var className = pupils.First(p => p.ClassId == classId).ClassName;
                    var teacher = teachers[random.Next(teachers.Count)];
                    await AddAsync((teacher.Id, teacher.DisplayName), Subjects[random.Next(Subjects.Length)], $"Responsables de {className}", classFamilies, SomeDay(), random, cancellationToken);
                }
            }

            if (heavyGuardian is null && guardians.FirstOrDefault(g => g.IsActivated) is { } activated)
            {
                // A guardian who can sign in, so that the benchmark can open the inbox.
                heavyGuardian = activated.GuardianId;
                heavyAuthors = staff.Select(s => (s.AccountId, s.DisplayName)).Distinct().ToList();
            }
        }

        if (heavyGuardian is { } guardian)
        {
            for (var i = 0; i < HeavyInboxConversations; i++)
            {
                await AddAsync(heavyAuthors[random.Next(heavyAuthors.Count)], Subjects[random.Next(Subjects.Length)], null, [guardian], SomeDay(), random, cancellationToken);
            }

            logger.LogInformation("Messaging: the guardian {AccountId} has {Count} conversations in the inbox (benchmark the inbox with this account)", guardian, HeavyInboxConversations);
        }

        await FlushAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private async Task AddAsync((Guid Id, string Name) author, string subject, string? audience, List<Guid> recipients, DateTime at, Random random, CancellationToken cancellationToken)
    {
        var body = $"<p>Madame, Monsieur,</p><p>{subject} : vous trouverez les informations utiles ci-dessous. Merci de votre attention.</p>";
        var conversation = new Conversation
        {
            TerritoryId = tenant.RequiredTerritoryId,
            Subject = subject,
            Kind = audience is null ? ConversationKind.Direct : ConversationKind.Broadcast,
            StartedById = author.Id,
            StartedAt = at,
            AudienceLabel = audience,
            MemberCount = recipients.Count + 1,
            LastMessageAt = at,
            LastAuthorId = author.Id,
            LastAuthorName = author.Name,
            LastMessagePreview = MessageText.Preview(body),
        };
        _pending.Add(conversation);
        _pending.Add(new Message
        {
            TerritoryId = conversation.TerritoryId,
            ConversationId = conversation.Id,
            AuthorId = author.Id,
            Body = body,
            SearchText = MessageText.ForSearch(subject + " " + Platform.Text.RichText.ToPlainText(body)),
            SentAt = at,
            RecipientCount = recipients.Count,
        });
        _pending.Add(new ConversationMember { TerritoryId = conversation.TerritoryId, ConversationId = conversation.Id, AccountId = author.Id, LastSentAt = at, LastReadAt = at });
        foreach (var recipient in recipients.Where(r => r != author.Id))
        {
            // Seven families in ten read their messages within a day.
            _pending.Add(new ConversationMember
            {
                TerritoryId = conversation.TerritoryId,
                ConversationId = conversation.Id,
                AccountId = recipient,
                LastIncomingAt = at,
                LastReadAt = random.Next(10) < 7 ? at.AddHours(random.Next(1, 24)) : null,
            });
        }

        if (_pending.Count >= BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        db.AddRange(_pending);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        _pending.Clear();
    }
}
