using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.Communication.Data;
using Preau.Identity.Accounts;
using Preau.Identity.Classes;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.IntegrationTests.Communication;

/// <summary>Arrangements of the publishing tests (news, blogs, agenda, council) on top of TerritoryBuilder.</summary>
internal static class PublishingArrange
{
    /// <summary>Creates an activated account (a second family of class A, a partner…), optionally guardian of a pupil.</summary>
    public static Task<TestAccount> AddAccountAsync(this PreauApp app, TestTerritory territory, string role, Profile profiles, Guid? childId = null) =>
        app.InTerritoryAsync(territory.Id, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var account = new Account
            {
                TerritoryId = territory.Id,
                UserName = $"{territory.Slug}-{role}",
                FirstName = "Prénom" + role,
                LastName = "Nom" + role,
                Profiles = profiles,
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
                Email = $"{territory.Slug}-{role}@test.localhost",
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(account, PreauApp.Password);
            Assert.True(result.Succeeded);
            if (childId is { } pupil)
            {
                var db = sp.GetRequiredService<IdentityDbContext>();
                db.GuardianLinks.Add(new GuardianLink { GuardianId = account.Id, PupilId = pupil, Relation = GuardianRelation.Mother, HasParentalAuthority = true });
                await db.SaveChangesAsync();
            }

            return new TestAccount(account.Id, account.UserName, PreauApp.Password);
        });

    /// <summary>Runs a query on the Communication module's tables of a territory.</summary>
    public static Task<T> InCommunicationAsync<T>(this PreauApp app, TestTerritory territory, Func<CommunicationDbContext, Task<T>> query) =>
        app.InTerritoryAsync(territory.Id, sp => query(sp.GetRequiredService<CommunicationDbContext>()));

    /// <summary>The UAI of a school of the territory.</summary>
    public static Task<string> UaiOfAsync(this PreauApp app, TestTerritory territory, Guid schoolId) =>
        app.InTerritoryAsync(territory.Id, async sp => (await sp.GetRequiredService<IStructureDirectory>().GetSchoolAsync(schoolId))!.Uai);

    /// <summary>The titles of the account's notifications.</summary>
    public static Task<List<string>> NotificationsOfAsync(this PreauApp app, TestTerritory territory, Guid accountId) =>
        app.InCommunicationAsync(territory, db => db.Notifications.Where(n => n.RecipientId == accountId).Select(n => n.Title).ToListAsync());

    /// <summary>Posts a multipart form (with files) as a browser would, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, Dictionary<string, string> fields, params (string Field, string FileName, byte[] Content, string ContentType)[] files)
    {
        var page = await PreauApp.GetPageAsync(client, url);
        var form = page.Forms.First(f => f.GetAttribute("enctype") == "multipart/form-data");
        using var content = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name) || element is IHtmlInputElement { Type: "file" or "submit" or "checkbox" or "radio" })
            {
                continue;
            }

            var value = element switch
            {
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement area => area.Value,
                IHtmlSelectElement select => select.Value ?? string.Empty,
                _ => null,
            };
            if (value is not null)
            {
                content.Add(new StringContent(value), name);
            }
        }

        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (field, fileName, bytes, type) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            content.Add(file, field, fileName);
        }

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, content);
    }

    /// <summary>Posts to a handler with the antiforgery token of a page the client may open (to prove a refusal is not the token's).</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string tokenPage, string url, Dictionary<string, string> fields)
    {
        var page = await PreauApp.GetPageAsync(client, tokenPage);
        var token = ((IHtmlInputElement)page.QuerySelector("input[name=__RequestVerificationToken]")!).Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>The French messages of a page's error summary.</summary>
    public static async Task<string> ErrorsOfAsync(HttpResponseMessage response)
    {
        var page = PreauApp.Parse(await response.Content.ReadAsStringAsync());
        return page.QuerySelector(".error-summary")?.TextContent ?? string.Empty;
    }
}
