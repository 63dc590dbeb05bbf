using Microsoft.EntityFrameworkCore;
using Preau.Communication.Agenda;
using Preau.Communication.Blogs;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Communication.SchoolCouncil;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Synthetic;

/// <summary>
/// One school year of publishing for a generated territory (benchmarks): per school about twenty news
/// (a quarter public), per class eight class news, a blog for every other class, a dozen events and a
/// parent–teacher meeting with slots (most booked), a school council with three meetings; the town's news.
/// Written in batches with the change tracker cleared, never row by row.
/// </summary>
internal sealed class PublishingSyntheticData(CommunicationDbContext db, IStructureDirectory directory, TenantContext tenant, TimeProvider clock) : ISyntheticData
{
    private const int BatchSize = 5000;
    private static readonly string[] SchoolTitles = ["Photos de classe", "Kermesse", "Réunion de rentrée", "Semaine du goût", "Carnaval", "Exercice d’évacuation", "Marché de Noël", "Spectacle de fin d’année", "Collecte solidaire", "Vaccinations", "Bibliothèque de l’école", "Portes ouvertes"];
    private static readonly string[] ClassTitles = ["Sortie au musée", "Piscine", "Classe verte", "Exposé", "Projet jardin", "Rencontre sportive", "Visite de la médiathèque", "Atelier d’écriture"];

    public int Order => 50;

    public async Task GenerateAsync(SyntheticScale scale, CancellationToken cancellationToken)
    {
        var random = new Random(scale.Seed + 4);
        var now = clock.GetUtcNow().UtcDateTime;
        var year = await directory.GetCurrentSchoolYearAsync(cancellationToken);
        var start = tenant.ToUtc(year?.StartsOn ?? DateOnly.FromDateTime(now).AddMonths(-3), new TimeOnly(8, 0));
        var end = tenant.ToUtc(year?.EndsOn ?? DateOnly.FromDateTime(now).AddMonths(7), new TimeOnly(18, 0));
        DateTime Between(DateTime from, DateTime to) => from.AddMinutes(random.NextDouble() * (to - from).TotalMinutes);
        var pending = 0;

        async Task FlushIfFullAsync(bool force = false)
        {
            if (force || ++pending >= BatchSize)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        var agents = await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent | Profile.ElectedOfficial | Profile.TerritoryAdmin, cancellationToken);
        var townAuthor = agents.Count > 0 ? agents[0].Id : Guid.Empty;
        for (var i = 0; i < 50 && townAuthor != Guid.Empty; i++)
        {
            db.News.Add(NewsOf(townAuthor, null, null, random.Next(4) == 0 ? NewsAudience.Public : NewsAudience.Territory, $"Information de la ville n° {i + 1}", Between(start, now)));
            await FlushIfFullAsync();
        }

        foreach (var school in await directory.ListSchoolsAsync(cancellationToken))
        {
            var staff = await directory.ListStaffOfSchoolAsync(school.Id, cancellationToken: cancellationToken);
            var head = staff.FirstOrDefault(s => s.Profile == Profile.Head)?.AccountId ?? (staff.Count > 0 ? staff[0].AccountId : null);
            var teachers = staff.Where(s => s.Profile == Profile.Teacher).Select(s => s.AccountId).ToList();
            if (head is null)
            {
                continue;
            }

            var classes = (await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken)).Where(c => c.Kind == ClassGroupKind.Class).ToList();
            var pupils = await directory.ListPupilsOfSchoolAsync(school.Id, cancellationToken);
            var guardians = (await directory.ListGuardiansOfPupilsAsync(pupils.Select(p => p.Id), cancellationToken)).ToLookup(g => g.PupilId);
            var pupilsByClass = pupils.Where(p => p.ClassId is not null).ToLookup(p => p.ClassId!.Value);

            for (var i = 0; i < 20; i++)
            {
                db.News.Add(NewsOf(head.Value, school.Id, null, i % 4 == 0 ? NewsAudience.Public : NewsAudience.School, SchoolTitles[i % SchoolTitles.Length], Between(start, now)));
                await FlushIfFullAsync();
            }

            for (var i = 0; i < 12; i++)
            {
                var startsAt = Between(start, end);
                db.AgendaEvents.Add(EventOf(head.Value, EventScope.School, school.Id, null, SchoolTitles[(i + 3) % SchoolTitles.Length], startsAt, startsAt.AddHours(2), isPublic: i % 3 == 0));
                await FlushIfFullAsync();
            }

            for (var c = 0; c < classes.Count; c++)
            {
                var group = classes[c];
                var teacher = teachers.Count > 0 ? teachers[c % teachers.Count] : head.Value;
                for (var i = 0; i < 8; i++)
                {
                    db.News.Add(NewsOf(teacher, school.Id, group.Id, NewsAudience.Class, $"{ClassTitles[i % ClassTitles.Length]} – {group.Name}", Between(start, now)));
                    await FlushIfFullAsync();
                }

                for (var i = 0; i < 4; i++)
                {
                    var startsAt = Between(start, end);
                    db.AgendaEvents.Add(EventOf(teacher, EventScope.Class, school.Id, group.Id, ClassTitles[(i + 2) % ClassTitles.Length], startsAt, startsAt.AddHours(3), isPublic: false));
                    await FlushIfFullAsync();
                }

                await AddMeetingWithSlotsAsync(teacher, school.Id, group, pupilsByClass[group.Id], guardians, Between(start, end));
                if (c % 2 == 0)
                {
                    await AddBlogAsync(school.Id, group, teacher, pupilsByClass[group.Id].ToList());
                }
            }

            await AddCouncilAsync(school.Id, head.Value, year);
        }

        await FlushIfFullAsync(force: true);

        NewsItem NewsOf(Guid author, Guid? schoolId, Guid? classId, NewsAudience audience, string title, DateTime publishAt)
        {
            var item = new NewsItem
            {
                AuthorId = author, SchoolId = schoolId, ClassGroupId = classId, Audience = audience, Title = title,
                BodyHtml = $"<p>{title} : les informations pratiques pour les familles (horaires, matériel, autorisations).</p>",
                PublishAt = publishAt, CreatedAt = publishAt, UpdatedAt = publishAt, NotifiedAt = publishAt,
                ExpiresAt = random.Next(5) == 0 ? publishAt.AddDays(30) : null,
            };
            item.Submit(needsApproval: false, publishAt);
            return item;
        }

        AgendaEvent EventOf(Guid organizer, EventScope scope, Guid? schoolId, Guid? classId, string title, DateTime startsAt, DateTime endsAt, bool isPublic) => new()
        {
            OrganizerId = organizer, Scope = scope, SchoolId = schoolId, ClassGroupId = classId, Title = title, Category = EventCategory.Other,
            StartsAt = startsAt, EndsAt = endsAt, IsPublic = isPublic, Sequence = 1, CreatedAt = startsAt.AddDays(-20), UpdatedAt = startsAt.AddDays(-20),
        };

        async Task AddMeetingWithSlotsAsync(Guid teacher, Guid schoolId, ClassGroupInfo group, IEnumerable<PupilInfo> classPupils, ILookup<Guid, GuardianInfo> guardians, DateTime day)
        {
            var startsAt = tenant.ToUtc(DateOnly.FromDateTime(day), new TimeOnly(16, 30));
            var meeting = EventOf(teacher, EventScope.Class, schoolId, group.Id, $"Rencontres parents–enseignants – {group.Name}", startsAt, startsAt.AddHours(3), isPublic: false);
            meeting.Category = EventCategory.ParentMeeting;
            meeting.OneSlotPerFamily = true;
            meeting.SignUpDeadline = startsAt.AddDays(-2);
            db.AgendaEvents.Add(meeting);
            var families = classPupils.Select(p => (Pupil: p.Id, Guardian: guardians[p.Id].Select(g => g.GuardianId).FirstOrDefault())).Where(f => f.Guardian != Guid.Empty).ToList();
            var slots = SlotRules.Generate(meeting.StartsAt, meeting.EndsAt, 10);
            for (var s = 0; s < slots.Count; s++)
            {
                var slot = new EventSlot { EventId = meeting.Id, StartsAt = slots[s].StartsAt, EndsAt = slots[s].EndsAt };
                db.EventSlots.Add(slot);
                if (s < families.Count && random.Next(10) < 7)
                {
                    db.SlotBookings.Add(new SlotBooking { EventId = meeting.Id, SlotId = slot.Id, GuardianId = families[s].Guardian, PupilId = families[s].Pupil, FamilyKey = families[s].Pupil, CreatedAt = meeting.CreatedAt });
                }

                await FlushIfFullAsync();
            }
        }

        async Task AddBlogAsync(Guid schoolId, ClassGroupInfo group, Guid teacher, List<PupilInfo> classPupils)
        {
            var blog = new ClassBlog { ClassGroupId = group.Id, SchoolId = schoolId, Visibility = random.Next(3) == 0 ? BlogVisibility.Public : BlogVisibility.Guardians, CreatedAt = start };
            db.ClassBlogs.Add(blog);
            for (var i = 0; i < 10 && classPupils.Count > 0; i++)
            {
                var written = Between(start, now);
                var post = new BlogPost
                {
                    BlogId = blog.Id, AuthorId = classPupils[i % classPupils.Count].Id, AuthorIsPupil = true, Title = $"{ClassTitles[i % ClassTitles.Length]} : ce que nous avons appris",
                    BodyHtml = "<p>Nous avons travaillé en groupes et présenté nos résultats à la classe.</p>", CreatedAt = written, UpdatedAt = written,
                };
                post.Submit(byModerator: false, written);
                if (i < 9)
                {
                    post.Publish(teacher, written.AddDays(1));
                }

                db.BlogPosts.Add(post);
                await FlushIfFullAsync();
            }
        }

        async Task AddCouncilAsync(Guid schoolId, Guid head, SchoolYearInfo? schoolYear)
        {
            if (schoolYear is null)
            {
                return;
            }

            var council = new SchoolCouncilSpace { SchoolId = schoolId, SchoolYearId = schoolYear.Id, SchoolYearLabel = schoolYear.Label, CreatedAt = start };
            db.SchoolCouncils.Add(council);
            foreach (var offset in new[] { 50, 150, 280 })
            {
                var startsAt = start.AddDays(offset).Date.AddHours(17);
                var meeting = new CouncilMeeting { CouncilId = council.Id, SchoolId = schoolId, StartsAt = startsAt, QuestionsDeadline = startsAt.AddDays(-3), AgendaHtml = "<ul><li>Projet d’école</li><li>Questions des familles</li></ul>", CreatedAt = start };
                if (startsAt < now)
                {
                    meeting.WriteMinutes("<p>Compte rendu de la séance.</p>");
                    meeting.ApproveMinutes(head, startsAt.AddDays(7));
                    meeting.PublishMinutes(startsAt.AddDays(8));
                }

                db.CouncilMeetings.Add(meeting);
                await FlushIfFullAsync();
            }
        }
    }
}
