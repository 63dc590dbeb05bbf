using Preau.Communication.Messaging;
using System.Net.Http.Json;

namespace Preau.IntegrationTests.Platform;

/// <summary>
/// A POST for a handler a page does not have gets the French error page (405), never a 500 from a page
/// rendered without its model.
/// </summary>
public sealed class UnknownHandlerTests(PreauApp app) : IClassFixture<PreauApp>
{
    [Fact]
    public async Task PostWithoutHandlerOrWithAMadeUpOne_FrenchErrorPageNot500()
    {
        var territory = await app.CreateTerritoryAsync();
        var teacher = await app.SignInAsync(territory.TeacherA);
        var sent = await (await teacher.PostAsJsonAsync("/api/v1/conversations", new { subject = "Bulletin", body = "Voici le bulletin", recipients = new[] { $"account:{territory.GuardianA.Id}" } })).Content.ReadFromJsonAsync<SentMessage>();
        var guardian = await app.SignInAsync(territory.GuardianA);
        var inbox = await PreauApp.GetPageAsync(guardian, "/messages");
        var token = inbox.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Body"] = "<script>alert(1)</script>" };
        // The inbox has no POST handler; a conversation's forms all name theirs (?handler=Reply…).
        foreach (var page in new[] { "/messages", $"/messages/{sent!.ConversationId}", $"/messages/{sent.ConversationId}?handler=inconnu" })
        {
            var bare = await guardian.PostAsync(page, new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, bare.StatusCode);
            Assert.Contains("Demande incorrecte", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The pages themselves still answer.
        Assert.Equal(HttpStatusCode.OK, (await guardian.GetAsync("/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guardian.GetAsync("/")).StatusCode);
    }
}
