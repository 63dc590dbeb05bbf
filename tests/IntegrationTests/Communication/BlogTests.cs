using Microsoft.EntityFrameworkCore;
using Preau.Communication.Blogs;

namespace Preau.IntegrationTests.Communication;

/// <summary>Class blogs: pupils write, the class's teacher moderates, families read once the blog is opened to them, names stay short.</summary>
public sealed class BlogTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task PupilPost_TeacherApproves_GuardianSeesItWithTheShortNameOnly()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        await OpenToAsync(teacher, t.ClassA, BlogVisibility.Guardians);
        var pupil = await app.SignInAsync(t.PupilA);

        var postId = await WriteAsync(pupil, t.ClassA, "Notre sortie", "Nous avons vu des dinosaures.");
        var guardian = await app.SignInAsync(t.GuardianA);
        Assert.Equal(HttpStatusCode.NotFound, (await guardian.GetAsync($"/blogs/billets/{postId}")).StatusCode);
        await app.RunOutboxAsync();
        Assert.Contains("Billet à relire dans le blog de CM2 A : Notre sortie", await app.NotificationsOfAsync(t, t.TeacherA.Id));

        var otherTeacher = await app.SignInAsync(t.TeacherB);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeacher.GetAsync($"/blogs/billets/{postId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PublishingArrange.PostWithTokenAsync(otherTeacher, "/blogs", $"/blogs/billets/{postId}?handler=Publish", [])).StatusCode);
        var approve = await PreauApp.SubmitFormAsync(teacher, $"/blogs/billets/{postId}", [], handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        var seenByGuardian = await guardian.GetStringAsync($"/blogs/billets/{postId}");
        Assert.Contains("Nous avons vu des dinosaures.", seenByGuardian, StringComparison.Ordinal);
        Assert.Contains("Paul É.", seenByGuardian, StringComparison.Ordinal);
        Assert.DoesNotContain("Paul Élève", seenByGuardian, StringComparison.Ordinal);
        Assert.Contains("Paul Élève", await teacher.GetStringAsync($"/blogs/billets/{postId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(t.GuardianB)).GetAsync($"/blogs/billets/{postId}")).StatusCode);
    }

    [Fact]
    public async Task PupilEdit_AfterPublication_IsRefused_TeacherMayStillUnpublish()
    {
        var t = await app.CreateTerritoryAsync();
        var pupil = await app.SignInAsync(t.PupilA);
        var postId = await WriteAsync(pupil, t.ClassA, "Avant", "Texte");
        Assert.Equal(HttpStatusCode.OK, (await pupil.GetAsync($"/blogs/classe/{t.ClassA}/ecrire/{postId}")).StatusCode);
        var teacher = await app.SignInAsync(t.TeacherA);
        await PreauApp.SubmitFormAsync(teacher, $"/blogs/billets/{postId}", [], handler: "Publish");

        Assert.Equal(HttpStatusCode.NotFound, (await pupil.GetAsync($"/blogs/classe/{t.ClassA}/ecrire/{postId}")).StatusCode);
        var classmate = await app.SignInAsync(t.PupilA2);
        Assert.Equal(HttpStatusCode.NotFound, (await classmate.GetAsync($"/blogs/classe/{t.ClassA}/ecrire/{postId}")).StatusCode);
        await PreauApp.SubmitFormAsync(teacher, $"/blogs/billets/{postId}", [], handler: "Unpublish");
        Assert.Equal(ContributionStatus.Unpublished, await app.InCommunicationAsync(t, db => db.BlogPosts.Where(p => p.Id == postId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task PupilComment_IsHeldForTheTeacher_AndAfterPublicationModerationIsRefusedInPrimary()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var postId = await WriteAsync(teacher, t.ClassA, "Bienvenue", "Premier billet de la classe.");
        var pupil = await app.SignInAsync(t.PupilA2);

        await PreauApp.SubmitFormAsync(pupil, $"/blogs/billets/{postId}", new() { ["CommentText"] = "Super !" });
        var classmate = await app.SignInAsync(t.PupilA);
        Assert.DoesNotContain("Super !", await classmate.GetStringAsync($"/blogs/billets/{postId}"), StringComparison.Ordinal);
        var commentId = await app.InCommunicationAsync(t, db => db.BlogComments.Select(c => c.Id).SingleAsync());
        await PublishingArrange.PostWithTokenAsync(teacher, $"/blogs/billets/{postId}", $"/blogs/billets/{postId}?handler=PublishComment&commentId={commentId}", []);
        Assert.Contains("Super !", await classmate.GetStringAsync($"/blogs/billets/{postId}"), StringComparison.Ordinal);

        var settings = await PreauApp.SubmitFormAsync(teacher, $"/blogs/classe/{t.ClassA}", new() { ["Moderation"] = nameof(CommentModeration.AfterPublication) }, handler: "Settings");
        Assert.Contains("collège et au lycée", await PublishingArrange.ErrorsOfAsync(settings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicBlog_Anonymous_ReadsPublishedPostsWithoutFullNames_PrivateBlogIs404()
    {
        var t = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(t.TeacherA);
        var pupil = await app.SignInAsync(t.PupilA);
        var postId = await WriteAsync(pupil, t.ClassA, "Le potager", "Les tomates poussent.");
        await PreauApp.SubmitFormAsync(teacher, $"/blogs/billets/{postId}", [], handler: "Publish");
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/t/{t.Slug}/blogs/{t.ClassA}")).StatusCode);

        await OpenToAsync(teacher, t.ClassA, BlogVisibility.Public);
        var blog = await anonymous.GetStringAsync($"/t/{t.Slug}/blogs/{t.ClassA}");
        var post = await anonymous.GetStringAsync($"/t/{t.Slug}/blogs/billets/{postId}");

        Assert.Contains("Le potager", blog, StringComparison.Ordinal);
        Assert.Contains("Paul É.", post, StringComparison.Ordinal);
        Assert.DoesNotContain("Élève", post.Replace("Paul É.", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PupilImage_WithGps_IsStoredWithoutExif()
    {
        var t = await app.CreateTerritoryAsync();
        var pupil = await app.SignInAsync(t.PupilA);

        var response = await PublishingArrange.PostMultipartAsync(pupil, $"/blogs/classe/{t.ClassA}/ecrire",
            new() { ["Input.Title"] = "Ma photo", ["Input.Body"] = "Regardez !", ["action"] = "submit" },
            ("Images", "IMG_0042.jpg", TestImages.JpegWithGps(), "image/jpeg"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var fileId = await app.InCommunicationAsync(t, db => db.PublishedFiles.Select(f => f.Id).SingleAsync());
        var teacher = await app.SignInAsync(t.TeacherA);
        var served = await teacher.GetByteArrayAsync($"/fichiers/{fileId}");
        Assert.False(TestImages.HasExif(served));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(t.GuardianA)).GetAsync($"/fichiers/{fileId}")).StatusCode);
    }

    private static async Task OpenToAsync(HttpClient teacher, Guid classId, BlogVisibility visibility)
    {
        var response = await PreauApp.SubmitFormAsync(teacher, $"/blogs/classe/{classId}", new() { ["Visibility"] = visibility.ToString() }, handler: "Settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<Guid> WriteAsync(HttpClient client, Guid classId, string title, string body)
    {
        var response = await PreauApp.SubmitFormAsync(client, $"/blogs/classe/{classId}/ecrire", new() { ["Input.Title"] = title, ["Input.Body"] = body, ["action"] = "submit" });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await PublishingArrange.ErrorsOfAsync(response));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }
}
