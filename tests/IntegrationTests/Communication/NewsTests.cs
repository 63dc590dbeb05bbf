using System.Net.Http.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.News;
using Preau.Communication.Publishing;
using Preau.Platform.Files;

namespace Preau.IntegrationTests.Communication;

/// <summary>News: who publishes where, the head's approval, the audience, hostile input, the public page and its feed, the API.</summary>
public sealed class NewsTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task PublishClassNews_Teacher_GuardiansOfTheClassSeeItAndAreNotified_OthersGet404()
    {
        var t = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);

        var id = await PublishAsync(teacher, $"class:{t.ClassA}", "Class", "Sortie au musée", "Prévoir un pique-nique.");
        await app.RunOutboxAsync();

        var guardian = await app.SignInAsync(t.GuardianA);
        Assert.Contains("Sortie au musée", (await PreauApp.GetPageAsync(guardian, "/actualites")).QuerySelector(".publication-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Sortie au musée", (await PreauApp.GetPageAsync(guardian, "/")).QuerySelector("#news-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nouvelle actualité : Sortie au musée", await app.NotificationsOfAsync(t, t.GuardianA.Id));
        Assert.DoesNotContain("Nouvelle actualité : Sortie au musée", await app.NotificationsOfAsync(t, t.GuardianB.Id));
        foreach (var outsider in new[] { t.GuardianB, t.TeacherB, t.HeadB, t.PupilB })
        {
            var client = await app.SignInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/actualites/{id}")).StatusCode);
            Assert.DoesNotContain("Sortie au musée", await client.GetStringAsync("/actualites"), StringComparison.Ordinal);
        }

        var stranger = await app.SignInAsync(other.GuardianA);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/actualites/{id}")).StatusCode);
    }

    [Fact]
    public async Task HomePage_TheThreeNewestTheReaderSees_FromTheTownTheSchoolAndTheClass_NotAnotherSchools()
    {
        var t = await app.CreateTerritoryAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.InCommunicationAsync(t, db =>
        {
            NewsItem News(Guid? school, Guid? @class, NewsAudience audience, string title, double daysAgo) => Published(t, now, school, @class, audience, title, daysAgo);

            db.News.AddRange(
                News(null, null, NewsAudience.Territory, "Ville récente", 1),
                News(t.SchoolB, null, NewsAudience.School, "École B, la plus récente", 0.5),
                News(t.SchoolA, null, NewsAudience.School, "École A", 2),
                News(t.SchoolA, t.ClassA, NewsAudience.Class, "Classe A", 3),
                News(null, null, NewsAudience.Public, "Ville ancienne", 10),
                News(t.SchoolA, null, NewsAudience.School, "École A ancienne", 11));
            return db.SaveChangesAsync();
        });

        var home = await PreauApp.GetPageAsync(await app.SignInAsync(t.GuardianA), "/");

        var titles = home.QuerySelectorAll(".news-section li a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Ville récente", "École A", "Classe A"], titles);
        var otherSchool = await PreauApp.GetPageAsync(await app.SignInAsync(t.GuardianB), "/");
        Assert.Equal(["École B, la plus récente", "Ville récente", "Ville ancienne"], otherSchool.QuerySelectorAll(".news-section li a").Select(a => a.TextContent).ToList());
    }

    [Fact]
    public async Task NewsPage_EveryNewsTheGuardianSees_NewestFirst_TenAPage_NoneOfAnotherSchool()
    {
        // The page reads the town's news, each school's and the classes' apart (NewsQueries.VisibleInSlices),
        // then pages through them all together.
        var t = await app.CreateTerritoryAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.InCommunicationAsync(t, db =>
        {
            NewsItem News(Guid? school, Guid? @class, NewsAudience audience, string title, double daysAgo) => Published(t, now, school, @class, audience, title, daysAgo);

            db.News.AddRange(Enumerable.Range(1, 12).Select(day => (day % 3) switch
            {
                0 => News(null, null, NewsAudience.Territory, $"Ville {day}", day),
                1 => News(t.SchoolA, null, NewsAudience.School, $"École A {day}", day),
                _ => News(t.SchoolA, t.ClassA, NewsAudience.Class, $"Classe A {day}", day),
            }));
            db.News.AddRange(News(t.SchoolB, null, NewsAudience.School, "École B", 0.5), News(t.SchoolB, t.ClassB, NewsAudience.Class, "Classe B", 0.5));
            return db.SaveChangesAsync();
        });
        var guardian = await app.SignInAsync(t.GuardianA);

        var first = await PreauApp.GetPageAsync(guardian, "/actualites");
        var second = await PreauApp.GetPageAsync(guardian, "/actualites?page=2");

        static List<string> Titles(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll(".publication-list .card__title").Select(h => h.TextContent.Trim()).ToList();
        string[] expected = ["École A 1", "Classe A 2", "Ville 3", "École A 4", "Classe A 5", "Ville 6", "École A 7", "Classe A 8", "Ville 9", "École A 10", "Classe A 11", "Ville 12"];
        Assert.Equal(expected[..10], Titles(first));
        Assert.Equal(expected[10..], Titles(second));
        Assert.Equal(["1", "2"], first.QuerySelectorAll(".pagination a").Select(a => a.TextContent.Trim()).Where(text => int.TryParse(text, out _)).ToList());
    }

    [Fact]
    public async Task HomePage_TeacherOfSixSchools_SeesTheNewestOfAllTheirSchools_NotOfAnother()
    {
        // Six schools: the home asks four of them one by one and the other two together (NewsQueries.LatestVisibleTo),
        // whichever they are; the newest news of all sits in a seventh school, not the teacher's.
        var t = await app.CreateTerritoryAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var schools = await app.InTerritoryAsync(t.Id, async sp =>
        {
            var identity = sp.GetRequiredService<Preau.Identity.Data.IdentityDbContext>();
            var more = Enumerable.Range(3, 5).Select(n => TerritoryBuilder.NewSchool($"École {n} {t.Slug}")).ToList();
            identity.Schools.AddRange(more);
            // Schools A (from the builder), B, 3, 4, 5 and 6; not 7.
            foreach (var school in more.Take(4).Select(s => s.Id).Append(t.SchoolB))
            {
                identity.StaffAssignments.Add(new Preau.Identity.Accounts.StaffAssignment { AccountId = t.TeacherA.Id, SchoolId = school, Profile = Preau.Platform.Authorization.Profile.Teacher });
            }

            await identity.SaveChangesAsync();
            return more.Select(s => s.Id).ToList();
        });
        await app.InCommunicationAsync(t, db =>
        {
            NewsItem News(Guid school, string title, double daysAgo) => Published(t, now, school, null, NewsAudience.School, title, daysAgo);

            db.News.AddRange(
                News(t.SchoolA, "École A", 4),
                News(t.SchoolB, "École B", 3),
                News(schools[0], "École 3", 5),
                News(schools[3], "École 6", 1),
                News(schools[2], "École 5", 2),
                News(schools[4], "École 7, pas la sienne", 0.5));
            return db.SaveChangesAsync();
        });

        var home = await PreauApp.GetPageAsync(await app.SignInAsync(t.TeacherA), "/");

        Assert.Equal(["École 6", "École 5", "École B"], home.QuerySelectorAll(".news-section li a").Select(a => a.TextContent).ToList());
    }

    [Fact]
    public async Task PublishSchoolNews_TeacherWithApprovalRequired_WaitsForTheHeadOfThatSchoolOnly()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var id = await PublishAsync(teacher, $"school:{t.SchoolA}", "School", "Kermesse de juin", "Nous cherchons des bénévoles.");

        var guardian = await app.SignInAsync(t.GuardianA);
        Assert.Equal(HttpStatusCode.NotFound, (await guardian.GetAsync($"/actualites/{id}")).StatusCode);
        var otherHead = await app.SignInAsync(t.HeadB);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHead.GetAsync($"/actualites/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PublishingArrange.PostWithTokenAsync(otherHead, "/actualites/a-valider", $"/actualites/{id}?handler=Approve", [])).StatusCode);

        var head = await app.SignInAsync(t.HeadA);
        var queue = await PreauApp.GetPageAsync(head, "/actualites/a-valider");
        Assert.Contains("Kermesse de juin", queue.QuerySelector(".pending-news")!.TextContent, StringComparison.Ordinal);
        var approve = await PreauApp.SubmitFormAsync(head, $"/actualites/{id}", [], handler: "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        await app.RunOutboxAsync();

        Assert.Contains("Kermesse de juin", await guardian.GetStringAsync($"/actualites/{id}"), StringComparison.Ordinal);
        Assert.Contains("Nouvelle actualité : Kermesse de juin", await app.NotificationsOfAsync(t, t.GuardianA.Id));
    }

    [Fact]
    public async Task RejectNews_HeadGivesAReason_AuthorIsToldAndFamiliesNeverSeeIt()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var id = await PublishAsync(teacher, $"school:{t.SchoolA}", "School", "Annonce", "Texte.");
        var head = await app.SignInAsync(t.HeadA);

        var empty = await PreauApp.SubmitFormAsync(head, $"/actualites/{id}", new() { ["Reason"] = "" }, handler: "Reject");
        Assert.Contains("Indiquez à l’auteur pourquoi", await PublishingArrange.ErrorsOfAsync(empty), StringComparison.Ordinal);
        await PreauApp.SubmitFormAsync(head, $"/actualites/{id}", new() { ["Reason"] = "Date à confirmer." }, handler: "Reject");
        await app.RunOutboxAsync();

        Assert.Contains("Actualité refusée par la direction : Annonce", await app.NotificationsOfAsync(t, t.TeacherA.Id));
        Assert.Contains("Date à confirmer.", await teacher.GetStringAsync($"/actualites/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(t.GuardianA)).GetAsync($"/actualites/{id}")).StatusCode);
    }

    [Fact]
    public async Task PublishSchoolNews_SchoolTurnedApprovalOff_IsPublishedAtOnce()
    {
        var t = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(t.HeadA);
        var page = await PreauApp.GetPageAsync(head, "/actualites/a-valider");
        var form = page.Forms.First(f => (f.GetAttribute("action") ?? string.Empty).Contains("Settings", StringComparison.Ordinal));
        await PreauApp.PostFormAsync(head, "/actualites/a-valider", form, new() { ["schoolId"] = t.SchoolA.ToString(), ["needsApproval"] = "false" });

        var teacher = await app.SignInAsync(t.TeacherA);
        var id = await PublishAsync(teacher, $"school:{t.SchoolA}", "School", "Sans validation", "Texte.");

        var item = await app.InCommunicationAsync(t, db => db.News.SingleAsync(n => n.Id == id));
        Assert.Equal(NewsStatus.Published, item.Status);
    }

    [Fact]
    public async Task PublishNews_HostileHtml_IsSanitizedAndAnEmptyResultIsRefusedWithTheFormKept()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);

        var onlyScript = await SubmitAsync(teacher, $"class:{t.ClassA}", "Class", "Mon titre gardé", "<script>alert(1)</script><img src=\"http://tracker.example/p.gif\">");
        Assert.Equal(HttpStatusCode.OK, onlyScript.StatusCode);
        var page = PreauApp.Parse(await onlyScript.Content.ReadAsStringAsync());
        Assert.Contains("Le texte est vide", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mon titre gardé", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Title")!).Value);

        var id = await PublishAsync(teacher, $"class:{t.ClassA}", "Class", "Nettoyée",
            "<p style=\"background:url(javascript:alert(1))\" onclick=\"x()\">Bonjour</p><script>steal()</script><img src=\"http://tracker.example/pixel.gif\"><a href=\"javascript:alert(1)\">lien</a>");
        var stored = await app.InCommunicationAsync(t, db => db.News.Where(n => n.Id == id).Select(n => n.BodyHtml).SingleAsync());
        Assert.Contains("Bonjour", stored, StringComparison.Ordinal);
        foreach (var hostile in new[] { "script", "style", "onclick", "tracker.example", "javascript:" })
        {
            Assert.DoesNotContain(hostile, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task PublishNews_BadInput_GetsFrenchMessagesAndSavesNothing()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);

        var expiredFirst = await SubmitAsync(teacher, $"class:{t.ClassA}", "Class", "Dates", "Texte", new() { ["Input.PublishOn"] = "2026-12-10", ["Input.ExpiresOn"] = "2026-12-01" });
        Assert.Contains("La date de fin de publication", await PublishingArrange.ErrorsOfAsync(expiredFirst), StringComparison.Ordinal);
        var empty = await SubmitAsync(teacher, $"class:{t.ClassA}", "Class", "", "");
        Assert.Contains("Indiquez un titre.", await PublishingArrange.ErrorsOfAsync(empty), StringComparison.Ordinal);
        var huge = await SubmitAsync(teacher, $"class:{t.ClassA}", "Class", "Énorme", new string('a', 10 * 1024 * 1024));
        Assert.True(huge.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{huge.StatusCode}");
        Assert.Contains("100 000 caractères", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var otherSchool = await SubmitAsync(teacher, $"school:{t.SchoolB}", "School", "Intrusion", "Texte");
        Assert.Contains("Choisissez pour qui vous publiez", await PublishingArrange.ErrorsOfAsync(otherSchool), StringComparison.Ordinal);
        var wrongAudience = await SubmitAsync(teacher, $"class:{t.ClassA}", "Public", "Public ?", "Texte");
        Assert.Contains("Ce public ne correspond pas", await PublishingArrange.ErrorsOfAsync(wrongAudience), StringComparison.Ordinal);

        Assert.Equal(0, await app.InCommunicationAsync(t, db => db.News.CountAsync()));
        var guardian = await app.SignInAsync(t.GuardianA);
        Assert.Equal(HttpStatusCode.Forbidden, (await guardian.GetAsync("/actualites/rediger")).StatusCode);
    }

    [Fact]
    public async Task ScheduledNews_BeforeItsDate_IsHiddenThenAppearsAndNotifiesOnce()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        var id = await PublishAsync(teacher, $"class:{t.ClassA}", "Class", "Plus tard", "Texte", new() { ["Input.PublishOn"] = day.ToString("yyyy-MM-dd"), ["Input.PublishTime"] = "09:00" });
        await app.RunOutboxAsync();
        var guardian = await app.SignInAsync(t.GuardianA);
        Assert.Equal(HttpStatusCode.NotFound, (await guardian.GetAsync($"/actualites/{id}")).StatusCode);
        Assert.DoesNotContain("Nouvelle actualité : Plus tard", await app.NotificationsOfAsync(t, t.GuardianA.Id));

        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunOutboxAsync();
        await app.RunOutboxAsync();

        Assert.Equal(HttpStatusCode.OK, (await guardian.GetAsync($"/actualites/{id}")).StatusCode);
        Assert.Single(await app.NotificationsOfAsync(t, t.GuardianA.Id), n => n == "Nouvelle actualité : Plus tard");
    }

    [Fact]
    public async Task PublicNews_SchoolPageAndAtomFeed_ShowOnlyPublicItemsWithAbsoluteLinks()
    {
        var t = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(t.HeadA);
        var publicId = await PublishAsync(head, $"school:{t.SchoolA}", "Public", "Portes ouvertes", "Samedi matin.");
        var privateId = await PublishAsync(head, $"school:{t.SchoolA}", "School", "Réservée aux familles", "Code du portail : 1234.");
        var uai = await app.UaiOfAsync(t, t.SchoolA);
        var anonymous = app.CreateClient();

        var page = await anonymous.GetStringAsync($"/t/{t.Slug}/ecoles/{uai}");
        Assert.Contains("Portes ouvertes", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Réservée aux familles", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/t/{t.Slug}/ecoles/{uai}/actualites/{publicId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/t/{t.Slug}/ecoles/{uai}/actualites/{privateId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/t/autre-{t.Slug}/ecoles/{uai}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/t/{t.Slug}/ecoles/0000000X")).StatusCode);

        var feed = await anonymous.GetAsync($"/t/{t.Slug}/ecoles/{uai}/actualites.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        var xml = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(xml.Root!.Elements(atom + "entry"));
        Assert.Equal("Portes ouvertes", entry.Element(atom + "title")!.Value);
        Assert.Equal($"http://localhost/t/{t.Slug}/ecoles/{uai}/actualites/{publicId}", entry.Element(atom + "link")!.Attribute("href")!.Value);
        Assert.DoesNotContain("1234", xml.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicSchoolPage_VisitorSignedInToAnotherTerritory_StillSeesOnlyPublicNews()
    {
        var t = await app.CreateTerritoryAsync();
        var other = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(t.HeadA);
        await PublishAsync(head, $"school:{t.SchoolA}", "Public", "Fête de l’école", "Texte.");
        var uai = await app.UaiOfAsync(t, t.SchoolA);
        var visitor = await app.SignInAsync(other.GuardianA);

        var page = await visitor.GetStringAsync($"/t/{t.Slug}/ecoles/{uai}");

        Assert.Contains("Fête de l’école", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadImages_JpegWithGps_IsStoredWithoutMetadata_SvgAndPolyglotAreRefused()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var photo = TestImages.JpegWithGps();
        Assert.True(TestImages.HasExif(photo));

        var refused = await PublishingArrange.PostMultipartAsync(teacher, "/actualites/rediger", Fields($"class:{t.ClassA}", "Class", "Photos", "Texte"),
            ("Images", "dessin.svg", TestImages.SvgWithScript, "image/svg+xml"), ("Images", "faux.gif", TestImages.Polyglot, "image/gif"));
        var errors = await PublishingArrange.ErrorsOfAsync(refused);
        Assert.Contains("dessin.svg", errors, StringComparison.Ordinal);
        Assert.Contains("faux.gif", errors, StringComparison.Ordinal);
        Assert.Equal(0, await app.InCommunicationAsync(t, db => db.News.CountAsync()));

        var accepted = await PublishingArrange.PostMultipartAsync(teacher, "/actualites/rediger", Fields($"class:{t.ClassA}", "Class", "Photos", "Texte"),
            ("Images", "sortie.jpg", photo, "image/jpeg"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var file = await app.InCommunicationAsync(t, db => db.PublishedFiles.SingleAsync());
        await using var stored = (await app.Services.GetRequiredService<IFileStore>().OpenReadAsync(file.FileKey, CancellationToken.None))!;
        using var bytes = new MemoryStream();
        await stored.CopyToAsync(bytes);
        Assert.False(TestImages.HasExif(bytes.ToArray()));
        Assert.Equal("image/jpeg", file.ContentType);

        var guardian = await app.SignInAsync(t.GuardianA);
        var served = await guardian.GetAsync($"/fichiers/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.False(TestImages.HasExif(await served.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(t.GuardianB)).GetAsync($"/fichiers/{file.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/t/{t.Slug}/fichiers/{file.Id}")).StatusCode);
    }

    [Fact]
    public void ImageCleaner_JpegWithGps_ReencodesPixelsWithoutExif()
    {
        var photo = TestImages.JpegWithGps(320, 200);

        var clean = ImageCleaner.Reencode(photo)!;

        Assert.False(TestImages.HasExif(clean.Content));
        Assert.Equal((320, 200), (clean.Width, clean.Height));
        Assert.Null(ImageCleaner.Reencode(TestImages.Polyglot));
        Assert.Null(ImageCleaner.Reencode(TestImages.SvgWithScript));
    }

    [Fact]
    public async Task NewsApi_SchoolOfTheCaller_ListsVisibleNews_OtherSchoolAndAnonymous_Get404OrPublicOnly()
    {
        var t = await app.CreateTerritoryAsync();
        var head = await app.SignInAsync(t.HeadA);
        await PublishAsync(head, $"school:{t.SchoolA}", "School", "Pour les familles", "Texte.");
        await PublishAsync(head, $"school:{t.SchoolA}", "Public", "Pour tous", "Texte.");
        var uai = await app.UaiOfAsync(t, t.SchoolA);

        var guardian = await app.SignInAsync(t.GuardianA);
        var mine = await guardian.GetFromJsonAsync<NewsPageDto>($"/api/v1/schools/{t.SchoolA}/news");
        Assert.Equal(["Pour tous", "Pour les familles"], mine!.Items.Select(i => i.Title).Order().Reverse().ToArray());

        var outsider = await app.SignInAsync(t.GuardianB);
        var refused = await outsider.GetAsync($"/api/v1/schools/{t.SchoolA}/news");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("n’existe pas", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/schools/{t.SchoolA}/news")).StatusCode);
        var publicOnly = await anonymous.GetFromJsonAsync<NewsPageDto>($"/api/v1/public/{t.Slug}/schools/{uai}/news");
        Assert.Equal("Pour tous", Assert.Single(publicOnly!.Items).Title);
    }

    private static Dictionary<string, string> Fields(string target, string audience, string title, string body, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Target"] = target,
            ["Input.Audience"] = audience,
            ["Input.Title"] = title,
            ["Input.Body"] = body,
            ["action"] = "submit",
        };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        return fields;
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string target, string audience, string title, string body, Dictionary<string, string>? extra = null) =>
        PreauApp.SubmitFormAsync(client, "/actualites/rediger", Fields(target, audience, title, body, extra));

    private static async Task<Guid> PublishAsync(HttpClient client, string target, string audience, string title, string body, Dictionary<string, string>? extra = null)
    {
        var response = await SubmitAsync(client, target, audience, title, body, extra);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await PublishingArrange.ErrorsOfAsync(response));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>A news item published at once by the territory's agent, <paramref name="daysAgo"/> days before <paramref name="now"/>.</summary>
    private static NewsItem Published(TestTerritory t, DateTime now, Guid? school, Guid? classGroup, NewsAudience audience, string title, double daysAgo)
    {
        var item = new NewsItem { AuthorId = t.Agent.Id, SchoolId = school, ClassGroupId = classGroup, Audience = audience, Title = title, BodyHtml = "<p>…</p>", PublishAt = now.AddDays(-daysAgo), CreatedAt = now, UpdatedAt = now };
        item.Submit(needsApproval: false, now);
        return item;
    }
}
