using System.Xml.Linq;
using Preau.Communication.Agenda;
using Preau.Communication.Blogs;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Identity.Contracts;
using Preau.Platform.Authorization;
using Preau.Platform.Text;

namespace Preau.UnitTests.Communication;

/// <summary>The rules of news, class blogs and the agenda: states, names, slots, rights, feeds.</summary>
public sealed class PublishingRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 7, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void PupilPost_Submitted_WaitsThenIsPublishedAndNoLongerEditableByItsAuthor()
    {
        var post = new BlogPost { Title = "T", BodyHtml = "<p>x</p>", AuthorId = Guid.NewGuid(), AuthorIsPupil = true };

        post.Submit(byModerator: false, Now);
        Assert.Equal(ContributionStatus.Submitted, post.Status);
        Assert.True(post.IsEditableByAuthor);
        post.Publish(Guid.NewGuid(), Now);

        Assert.Equal(ContributionStatus.Published, post.Status);
        Assert.False(post.IsEditableByAuthor);
        Assert.Throws<InvalidOperationException>(() => post.Submit(byModerator: false, Now));
        Assert.Throws<InvalidOperationException>(() => post.KeepAsDraft(Now));
    }

    [Fact]
    public void PostReturned_ByTheTeacher_IsEditableAgainWithItsNote_AndUnpublishNeedsAPublishedPost()
    {
        var post = new BlogPost { Title = "T", BodyHtml = "<p>x</p>" };
        Assert.Throws<InvalidOperationException>(() => post.Unpublish(Guid.NewGuid(), Now));
        Assert.Throws<InvalidOperationException>(() => post.Return(Guid.NewGuid(), "note", Now));
        post.Submit(byModerator: false, Now);

        post.Return(Guid.NewGuid(), "Relis l’orthographe.", Now);

        Assert.Equal(ContributionStatus.Returned, post.Status);
        Assert.Equal("Relis l’orthographe.", post.ModerationNote);
        Assert.True(post.IsEditableByAuthor);
    }

    [Fact]
    public void TeacherPost_Submitted_IsPublishedAtOnce()
    {
        var post = new BlogPost { Title = "T", BodyHtml = "<p>x</p>" };

        post.Submit(byModerator: true, Now);

        Assert.Equal(ContributionStatus.Published, post.Status);
        Assert.Equal(Now, post.PublishedAt);
    }

    [Theory]
    [InlineData(false, "BeforePublication", "Submitted")]
    [InlineData(false, "AfterPublication", "Published")]
    [InlineData(true, "BeforePublication", "Published")]
    public void CommentInitialStatus_FollowsTheBlogsModeration(bool byModerator, string moderation, string expected) =>
        Assert.Equal(Enum.Parse<ContributionStatus>(expected), BlogComment.InitialStatus(byModerator, Enum.Parse<CommentModeration>(moderation)));

    [Theory]
    [InlineData(SchoolKind.Elementaire, false)]
    [InlineData(SchoolKind.Maternelle, false)]
    [InlineData(SchoolKind.College, true)]
    [InlineData(SchoolKind.Lycee, true)]
    public void AfterPublicationModeration_OnlyInSecondarySchools(SchoolKind kind, bool allowed)
    {
        Assert.Equal(allowed, ClassBlog.AllowsAfterPublication(kind));
        Assert.Equal(allowed, ClassBlog.CheckModeration(CommentModeration.AfterPublication, kind) is null);
        Assert.Null(ClassBlog.CheckModeration(CommentModeration.BeforePublication, kind));
    }

    [Theory]
    [InlineData("Lucas", "Martin", true, false, "Lucas M.")]
    [InlineData("Léa", "élève", true, false, "Léa É.")]
    [InlineData("Lucas", "Martin", true, true, "Lucas Martin")]
    [InlineData("Julie", "Fontaine", false, false, "Julie Fontaine")]
    [InlineData("Zoé", "", true, false, "Zoé")]
    public void AuthorName_PupilsShowFirstNameAndInitialExceptToTheirTeacher(string first, string last, bool isPupil, bool fullNames, string expected) =>
        Assert.Equal(expected, AuthorNames.Display(first, last, isPupil, fullNames));

    [Fact]
    public void NewsWindow_ExpiryBeforePublication_OrAlreadyPast_IsRefused()
    {
        Assert.NotNull(NewsItem.CheckWindow(Now.AddDays(2), Now.AddDays(1), Now));
        Assert.NotNull(NewsItem.CheckWindow(Now.AddDays(-10), Now.AddDays(-1), Now));
        Assert.NotNull(NewsItem.CheckWindow(Now.AddYears(2), null, Now));
        Assert.Null(NewsItem.CheckWindow(Now, Now.AddDays(7), Now));
    }

    [Fact]
    public void NewsApproval_PendingItem_IsPublishedOrRejectedOnlyOnce()
    {
        var item = new NewsItem { Title = "T", BodyHtml = "<p>x</p>", PublishAt = Now };
        item.Submit(needsApproval: true, Now);
        Assert.Equal(NewsStatus.PendingApproval, item.Status);
        Assert.False(item.IsLiveAt(Now));

        item.Approve(Guid.NewGuid(), Now);

        Assert.True(item.IsLiveAt(Now));
        Assert.Throws<InvalidOperationException>(() => item.Reject(Guid.NewGuid(), "non", Now));
        item.Withdraw(Now);
        Assert.False(item.IsLiveAt(Now));
        Assert.Throws<InvalidOperationException>(() => item.Submit(needsApproval: false, Now));
    }

    [Fact]
    public void NeedsApproval_TeachersSchoolNews_ButNotClassNewsNorTheHeads()
    {
        var school = Guid.NewGuid();
        var classId = Guid.NewGuid();
        var teacher = ReaderOf(Profile.Teacher, schoolRoles: new() { [school] = Profile.Teacher }, taught: new() { [classId] = school });
        var head = ReaderOf(Profile.Head, schoolRoles: new() { [school] = Profile.Head });
        var schoolNews = new NewsItem { Title = "T", BodyHtml = "x", SchoolId = school, Audience = NewsAudience.School };
        var classNews = new NewsItem { Title = "T", BodyHtml = "x", SchoolId = school, ClassGroupId = classId, Audience = NewsAudience.Class };

        Assert.True(NewsRights.NeedsApproval(teacher, schoolNews, schoolRequiresApproval: true));
        Assert.False(NewsRights.NeedsApproval(teacher, schoolNews, schoolRequiresApproval: false));
        Assert.False(NewsRights.NeedsApproval(teacher, classNews, schoolRequiresApproval: true));
        Assert.False(NewsRights.NeedsApproval(head, schoolNews, schoolRequiresApproval: true));
        Assert.True(NewsRights.CanApprove(head, schoolNews));
        Assert.False(NewsRights.CanApprove(teacher, schoolNews));
    }

    [Fact]
    public void NewsAudience_GuardianSeesTheirChildsClassAndSchool_NotAnotherSchool()
    {
        var school = Guid.NewGuid();
        var classId = Guid.NewGuid();
        var child = new PupilInfo(Guid.NewGuid(), "Lucas", "Martin", classId, "CM2", school);
        var guardian = ReaderOf(Profile.Guardian, children: [child]);
        NewsItem Item(NewsAudience audience, Guid? schoolId, Guid? group) => new() { Title = "T", BodyHtml = "x", Audience = audience, SchoolId = schoolId, ClassGroupId = group };

        Assert.True(NewsRights.IsInAudience(guardian, Item(NewsAudience.Class, school, classId)));
        Assert.True(NewsRights.IsInAudience(guardian, Item(NewsAudience.School, school, null)));
        Assert.True(NewsRights.IsInAudience(guardian, Item(NewsAudience.Territory, null, null)));
        Assert.False(NewsRights.IsInAudience(guardian, Item(NewsAudience.Class, school, Guid.NewGuid())));
        Assert.False(NewsRights.IsInAudience(guardian, Item(NewsAudience.School, Guid.NewGuid(), null)));
        Assert.False(NewsRights.IsInAudience(Reader.Anonymous, Item(NewsAudience.Territory, null, null)));
        Assert.True(NewsRights.IsInAudience(Reader.Anonymous, Item(NewsAudience.Public, school, null)));
    }

    [Fact]
    public void Reader_ItTechnicianOfASchool_IsNotItsStaffForPublishing()
    {
        var school = Guid.NewGuid();
        var technician = ReaderOf(Profile.ItTechnician, schoolRoles: new() { [school] = Profile.ItTechnician });
        var afterSchool = ReaderOf(Profile.AfterSchoolStaff, schoolRoles: new() { [school] = Profile.AfterSchoolStaff });

        Assert.False(technician.WorksIn(school));
        Assert.DoesNotContain(school, technician.SchoolIds);
        Assert.True(afterSchool.WorksIn(school));
        Assert.True(AgendaRights.Targets.ForSchool(afterSchool, school));
    }

    [Fact]
    public void BlogRights_OnlyTheClassTeacherModerates_GuardiansReadOnceOpened()
    {
        var school = Guid.NewGuid();
        var classId = Guid.NewGuid();
        var teacher = ReaderOf(Profile.Teacher, taught: new() { [classId] = school });
        var otherTeacher = ReaderOf(Profile.Teacher, taught: new() { [Guid.NewGuid()] = school });
        var guardian = ReaderOf(Profile.Guardian, children: [new PupilInfo(Guid.NewGuid(), "A", "B", classId, "CM2", school)]);

        Assert.True(BlogRights.CanModerate(teacher, classId));
        Assert.False(BlogRights.CanModerate(otherTeacher, classId));
        Assert.False(BlogRights.CanRead(guardian, classId, school, BlogVisibility.Class));
        Assert.True(BlogRights.CanRead(guardian, classId, school, BlogVisibility.Guardians));
        Assert.True(BlogRights.CanRead(Reader.Anonymous, classId, school, BlogVisibility.Public));
        Assert.False(BlogRights.CanComment(Reader.Anonymous, classId, BlogVisibility.Public));
        Assert.True(BlogRights.SeesFullNames(teacher, classId));
        Assert.False(BlogRights.SeesFullNames(guardian, classId));
    }

    [Fact]
    public void Slots_GeneratedOverARange_DropTheShortLastOne_AndOverlapsAreRefused()
    {
        var from = Now.Date.AddHours(16).AddMinutes(30);
        var slots = SlotRules.Generate(from, from.AddMinutes(35), 10);

        Assert.Equal(3, slots.Count);
        Assert.Equal(from.AddMinutes(20), slots[^1].StartsAt);
        Assert.Null(SlotRules.CheckNewSlots([], slots, 10));
        Assert.NotNull(SlotRules.CheckNewSlots(slots, SlotRules.Generate(from.AddMinutes(25), from.AddMinutes(45), 10), 10));
        Assert.Null(SlotRules.CheckNewSlots(slots, SlotRules.Generate(from.AddMinutes(30), from.AddMinutes(50), 10), 10));
        Assert.NotNull(SlotRules.CheckNewSlots([], SlotRules.Generate(from, from.AddMinutes(3), 3), 3));
        Assert.NotNull(SlotRules.CheckNewSlots([], [], 10));
    }

    [Fact]
    public void SignUp_AfterTheDeadlineOrTheSlotOrOnACancelledEvent_IsClosed()
    {
        var slot = Now.AddDays(3);

        Assert.Null(SlotRules.CheckSignUpOpen(Now, Now.AddDays(1), slot, null));
        Assert.NotNull(SlotRules.CheckSignUpOpen(Now, Now.AddMinutes(-1), slot, null));
        Assert.NotNull(SlotRules.CheckSignUpOpen(slot, null, slot, null));
        Assert.NotNull(SlotRules.CheckSignUpOpen(Now, null, slot, Now));
    }

    [Fact]
    public void EventReminder_IsDueTheChosenDelayBefore_NeverInThePast()
    {
        var e = new AgendaEvent { Title = "T", StartsAt = Now.AddDays(2), EndsAt = Now.AddDays(2).AddHours(1), ReminderMinutes = 24 * 60 };

        Assert.Equal(Now.AddDays(1), e.ReminderDueAt(Now));
        Assert.Null(e.ReminderDueAt(Now.AddDays(1).AddMinutes(1)));
        Assert.NotNull(AgendaEvent.CheckWindow(e.EndsAt, e.StartsAt, Now));
        Assert.NotNull(AgendaEvent.CheckDeadline(e.StartsAt.AddMinutes(1), e.StartsAt));
    }

    [Fact]
    public void AtomFeed_IsValidXmlWithAbsoluteLinksAndStableIds()
    {
        var id = Guid.NewGuid();
        var xml = NewsFeed.BuildAtom("École & Cie", "https://ent.example/t/v/ecoles/1/actualites.atom", "https://ent.example/t/v/ecoles/1",
            [new FeedEntry(id, "Portes <ouvertes>", "<p>Samedi</p>", Now, Now, "https://ent.example/t/v/ecoles/1/actualites/" + id)], Now);

        var document = XDocument.Parse(xml);
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal("École & Cie", document.Root!.Element(atom + "title")!.Value);
        var entry = Assert.Single(document.Root.Elements(atom + "entry"));
        Assert.Equal($"urn:uuid:{id}", entry.Element(atom + "id")!.Value);
        Assert.Equal("Portes <ouvertes>", entry.Element(atom + "title")!.Value);
        Assert.Equal("<p>Samedi</p>", entry.Element(atom + "content")!.Value);
        Assert.StartsWith("https://", entry.Element(atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.Equal("2026-11-23T07:30:00Z", entry.Element(atom + "published")!.Value);
    }

    [Fact]
    public void Calendar_EventsInTheTerritoryZone_WithStableUidsAndCancellation()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var e = new AgendaEvent { Title = "Réunion", StartsAt = Now, EndsAt = Now.AddHours(1), Sequence = 3, UpdatedAt = Now, CancelledAt = Now };

        var ics = AgendaCalendar.Build("Valmont", [e], zone, x => "https://ent.example/agenda/" + x.Id);

        Assert.Contains($"UID:{AgendaCalendar.UidOf(e.Id)}", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20261123T083000", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:3", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void RichInput_PlainTextKeepsParagraphs_HtmlIsSanitized_ScriptOnlyIsBlank()
    {
        var richText = new RichText();

        Assert.Equal("<p>Bonjour &amp; bienvenue<br>à l’école</p><p>Fin</p>", RichInput.ToSafeHtml(richText, "Bonjour & bienvenue\nà l’école\n\nFin"));
        Assert.Equal("Bonjour & bienvenue\nà l’école\n\nFin", RichInput.ToEditable("<p>Bonjour &amp; bienvenue<br>à l’école</p><p>Fin</p>"));
        Assert.True(RichInput.IsBlank(RichInput.ToSafeHtml(richText, "<script>alert(1)</script><img src=\"http://tracker.example/p.gif\">")));
        Assert.DoesNotContain("style", RichInput.ToSafeHtml(richText, "<p style=\"color:red\">x</p>"), StringComparison.Ordinal);
    }

    private static Reader ReaderOf(Profile profiles, Dictionary<Guid, Profile>? schoolRoles = null, Dictionary<Guid, Guid>? taught = null, IReadOnlyList<PupilInfo>? children = null)
    {
        var id = Guid.NewGuid();
        var kids = children ?? [];
        var relations = new AccountRelations(id, profiles, schoolRoles ?? [], taught ?? [], new Dictionary<Guid, Guid>(), kids.ToDictionary(c => c.Id, _ => true));
        return new Reader(id, profiles, relations, kids);
    }
}
