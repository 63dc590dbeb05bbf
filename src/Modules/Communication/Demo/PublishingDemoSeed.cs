using Preau.Communication.Agenda;
using Preau.Communication.Blogs;
using Preau.Communication.Data;
using Preau.Communication.News;
using Preau.Communication.SchoolCouncil;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Demo;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Demo;

/// <summary>
/// The demo territory's news, class blog, agenda and school council, around the élémentaire Jean-Jaurès:
/// parent.martin sees school, class and town news, the CM2 blog (opened to families) with Lucas's post,
/// a parent–teacher meeting with slots to book, and the school council's space; directeur.jaures has a
/// teacher's news to approve; enseignante.cm2 a pupil's post to moderate.
/// </summary>
internal sealed class PublishingDemoSeed(CommunicationDbContext db, IStructureDirectory directory, TenantContext tenant, TimeProvider clock) : IDemoSeed
{
    public int Order => 50;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = tenant.Today(clock);
        var school = (await directory.ListSchoolsAsync(cancellationToken)).FirstOrDefault(s => s.Name == "École élémentaire Jean-Jaurès");
        if (school is null)
        {
            return;
        }

        var cm2 = (await directory.ListClassGroupsOfSchoolAsync(school.Id, cancellationToken)).First(c => c.Level == "CM2");
        var teacher = (await directory.ListTeachersOfGroupAsync(cm2.Id, cancellationToken))[0];
        var head = (await directory.ListStaffOfSchoolAsync(school.Id, Profile.Head, cancellationToken))[0];
        var pupils = await directory.ListPupilsOfGroupAsync(cm2.Id, cancellationToken);
        var lucas = pupils.First(p => p.FirstName == "Lucas" && p.LastName == "Martin");
        var classmate = pupils.First(p => p.Id != lucas.Id);
        var agent = (await directory.ListAccountsWithProfileAsync(Profile.MunicipalAgent, cancellationToken))[0];
        var partner = (await directory.ListAccountsWithProfileAsync(Profile.Partner, cancellationToken)) is [var first, ..] ? first : null;
        DateTime At(int days, int hour, int minute = 0) => tenant.ToUtc(today.AddDays(days), new TimeOnly(hour, minute));

        // News: the school's (public: its public page), the class's, the town's, and one waiting for the head.
        AddNews(head.AccountId, school.Id, null, NewsAudience.Public, "Portes ouvertes de l’école", "<p>L’école Jean-Jaurès ouvre ses portes aux futures familles le samedi matin, de 9 h à 12 h. Les enseignants présenteront les projets de l’année.</p>", At(-3, 8), null);
        AddNews(head.AccountId, school.Id, null, NewsAudience.School, "Photos de classe", "<p>Le photographe passera jeudi. Les bons de commande seront distribués dans les cartables.</p>", At(-1, 8), At(20, 0));
        AddNews(teacher.Id, school.Id, cm2.Id, NewsAudience.Class, "Sortie au musée des sciences", "<p>La classe de CM2 visitera le musée des sciences mardi prochain.</p><p>Prévoir un pique-nique et une tenue adaptée.</p>", At(0, 7), null);
        AddNews(agent.Id, null, null, NewsAudience.Territory, "Inscriptions au centre de loisirs des vacances d’hiver", "<p>Les inscriptions au centre de loisirs pour les vacances d’hiver sont ouvertes jusqu’au 15 janvier sur le portail famille.</p>", At(-2, 9), null);
        var pending = AddNews(teacher.Id, school.Id, null, NewsAudience.School, "Marché de Noël de l’école", "<p>Les élèves vendront leurs créations au profit de la coopérative scolaire.</p>", At(1, 8), null);
        pending.Submit(needsApproval: true, now);

        // The CM2 blog, opened to families: Lucas's published post with a comment, a classmate's post to moderate.
        var blog = db.ClassBlogs.Add(new ClassBlog { ClassGroupId = cm2.Id, SchoolId = school.Id, Visibility = BlogVisibility.Guardians, CreatedAt = At(-30, 9) }).Entity;
        var post = db.BlogPosts.Add(new BlogPost
        {
            BlogId = blog.Id, AuthorId = lucas.Id, AuthorIsPupil = true, Title = "Notre visite à la ferme pédagogique",
            BodyHtml = "<p>Lundi, nous sommes allés à la ferme. Nous avons donné à manger aux chèvres et nous avons fabriqué du beurre.</p><p>C’était génial !</p>",
            CreatedAt = At(-5, 10), UpdatedAt = At(-5, 10),
        }).Entity;
        post.Submit(byModerator: false, At(-5, 10));
        post.Publish(teacher.Id, At(-4, 17));
        var comment = new BlogComment { PostId = post.Id, BlogId = blog.Id, AuthorId = classmate.Id, AuthorIsPupil = true, Body = "Les chèvres étaient trop drôles !", CreatedAt = At(-4, 18) };
        comment.SetInitialStatus(byModerator: false, CommentModeration.BeforePublication);
        comment.Publish(teacher.Id);
        db.BlogComments.Add(comment);
        var waiting = db.BlogPosts.Add(new BlogPost
        {
            BlogId = blog.Id, AuthorId = classmate.Id, AuthorIsPupil = true, Title = "Mon exposé sur les volcans",
            BodyHtml = "<p>Les volcans sont des montagnes qui crachent de la lave.</p>", CreatedAt = At(-1, 16), UpdatedAt = At(-1, 16),
        }).Entity;
        waiting.Submit(byModerator: false, At(-1, 16));

        // The agenda: parent–teacher meetings with 10-minute slots, the school's public fair, a town event.
        var meetings = db.AgendaEvents.Add(new AgendaEvent
        {
            Scope = EventScope.Class, SchoolId = school.Id, ClassGroupId = cm2.Id, Category = EventCategory.ParentMeeting, OrganizerId = teacher.Id,
            Title = "Rencontres parents–enseignante du CM2", Location = "Salle de CM2", Description = "Un rendez-vous de dix minutes par famille pour faire le point sur le premier trimestre.",
            StartsAt = At(7, 16, 30), EndsAt = At(7, 18, 30), SignUpDeadline = At(5, 23, 59), OneSlotPerFamily = true, ReminderMinutes = 24 * 60,
            Sequence = 1, CreatedAt = now, UpdatedAt = now,
        }).Entity;
        db.EventSlots.AddRange(SlotRules.Generate(meetings.StartsAt, meetings.EndsAt, 10).Select(s => new EventSlot { EventId = meetings.Id, StartsAt = s.StartsAt, EndsAt = s.EndsAt }));
        AgendaEvents.ScheduleReminder(db, meetings, now);
        db.AgendaEvents.Add(new AgendaEvent
        {
            Scope = EventScope.School, SchoolId = school.Id, Category = EventCategory.Other, OrganizerId = head.AccountId, IsPublic = true,
            Title = "Fête de l’école", Location = "Cour de l’école", StartsAt = At(12, 14), EndsAt = At(12, 18), Sequence = 1, CreatedAt = now, UpdatedAt = now,
        });
        db.AgendaEvents.Add(new AgendaEvent
        {
            Scope = EventScope.Territory, Category = EventCategory.TownEvent, OrganizerId = agent.Id, IsPublic = true,
            Title = "Spectacle de Noël des écoles", Location = "Salle des fêtes", StartsAt = At(18, 15), EndsAt = At(18, 17), Sequence = 1, CreatedAt = now, UpdatedAt = now,
        });

        // The school council: its members, a past meeting with published minutes, the next one open to questions.
        if (await directory.GetCurrentSchoolYearAsync(cancellationToken) is { } year)
        {
            var council = db.SchoolCouncils.Add(new SchoolCouncilSpace { SchoolId = school.Id, SchoolYearId = year.Id, SchoolYearLabel = year.Label, CreatedAt = At(-60, 9) }).Entity;
            var representative = (await directory.ListGuardiansOfPupilsAsync([classmate.Id], cancellationToken)) is [var guardian, ..] ? guardian : null;
            if (representative is not null)
            {
                db.CouncilMembers.Add(new CouncilMember { CouncilId = council.Id, AccountId = representative.GuardianId, Role = CouncilRole.ParentRepresentative, AddedAt = At(-60, 9) });
            }

            db.CouncilMembers.Add(new CouncilMember { CouncilId = council.Id, AccountId = agent.Id, Role = CouncilRole.TownRepresentative, AddedAt = At(-60, 9) });
            if (partner is not null)
            {
                db.CouncilMembers.Add(new CouncilMember { CouncilId = council.Id, AccountId = partner.Id, Role = CouncilRole.Inspector, AddedAt = At(-60, 9) });
            }

            var past = db.CouncilMeetings.Add(new CouncilMeeting
            {
                CouncilId = council.Id, SchoolId = school.Id, StartsAt = At(-30, 18), QuestionsDeadline = At(-32, 23, 59), Location = "Salle polyvalente",
                AgendaHtml = "<ul><li>Règlement intérieur</li><li>Projet d’école</li><li>Sécurité aux abords de l’école</li></ul>", CreatedAt = At(-45, 9),
            }).Entity;
            past.WriteMinutes("<p>Le règlement intérieur est adopté à l’unanimité. La mairie installera un passage piéton surélevé avenue Jean-Jaurès pendant les vacances d’hiver.</p>");
            past.ApproveMinutes(head.AccountId, At(-20, 9));
            past.PublishMinutes(At(-19, 9));
            db.CouncilMeetings.Add(new CouncilMeeting
            {
                CouncilId = council.Id, SchoolId = school.Id, StartsAt = At(25, 18), QuestionsDeadline = At(21, 23, 59), Location = "Salle polyvalente",
                AgendaHtml = "<ul><li>Bilan du premier trimestre</li><li>Sorties de fin d’année</li><li>Questions des familles</li></ul>", CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        NewsItem AddNews(Guid author, Guid? schoolId, Guid? classId, NewsAudience audience, string title, string html, DateTime publishAt, DateTime? expiresAt)
        {
            var item = db.News.Add(new NewsItem
            {
                AuthorId = author, SchoolId = schoolId, ClassGroupId = classId, Audience = audience, Title = title, BodyHtml = html,
                PublishAt = publishAt, ExpiresAt = expiresAt, CreatedAt = publishAt, UpdatedAt = publishAt, NotifiedAt = publishAt,
            }).Entity;
            item.Submit(needsApproval: false, publishAt);
            return item;
        }
    }
}
