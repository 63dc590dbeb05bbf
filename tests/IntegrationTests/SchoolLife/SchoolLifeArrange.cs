using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Preau.Communication.Data;
using Preau.SchoolLife.Data;

namespace Preau.IntegrationTests.SchoolLife;

/// <summary>Arrangements and checks shared by the liaison-notebook, absence and assessment tests.</summary>
internal static partial class SchoolLifeArrange
{
    /// <summary>The id at the end of a redirect such as "/carnet/{id}".</summary>
    public static Guid IdFromLocation(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[2]);
    }

    /// <summary>The notifications titles an account received.</summary>
    public static Task<List<string>> NotificationsOfAsync(this PreauApp app, TestTerritory territory, TestAccount account) =>
        app.InTerritoryAsync(territory.Id, sp => sp.GetRequiredService<CommunicationDbContext>().Notifications
            .Where(n => n.RecipientId == account.Id).OrderBy(n => n.CreatedAt).Select(n => n.Title).ToListAsync());

    /// <summary>Runs a query on the School life module's tables in the territory.</summary>
    public static Task<T> QueryAsync<T>(this PreauApp app, TestTerritory territory, Func<SchoolLifeDbContext, Task<T>> query) =>
        app.InTerritoryAsync(territory.Id, sp => query(sp.GetRequiredService<SchoolLifeDbContext>()));

    /// <summary>The text bodies of the e-mails written to the pickup folder for an address.</summary>
    public static List<string> MailsTo(this PreauApp app, string address)
    {
        var folder = Path.Combine(app.Folder, "mail");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.GetFiles(folder, "*.eml")
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == address))
            .Select(m => m.TextBody ?? string.Empty)
            .ToList();
    }

    /// <summary>Submits the form of a page whose action path ends with "/{handler}" (the routes put handlers in the path).</summary>
    public static async Task<HttpResponseMessage> SubmitHandlerAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields)
    {
        var page = await PreauApp.GetPageAsync(client, url);
        var form = page.Forms.FirstOrDefault(f => (f.GetAttribute("action") ?? string.Empty).Split('?')[0].EndsWith("/" + handler, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form for {handler} on {url}.");
        return await PreauApp.PostFormAsync(client, url, form, fields);
    }

    /// <summary>Posts fields with a valid antiforgery token of the client's session (taken from <paramref name="tokenPage"/>), as a forged or replayed request would.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string tokenPage, string url, Dictionary<string, string> fields)
    {
        var page = await PreauApp.GetPageAsync(client, tokenPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
    }

    /// <summary>Posts a multipart form (with a file) as the browser would, with the session's antiforgery token from <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string tokenPage, string url, Dictionary<string, string> fields, string fileField, string fileName, byte[] content)
    {
        var page = await PreauApp.GetPageAsync(client, tokenPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(content), fileField, fileName);
        return await client.PostAsync(url, form);
    }

    /// <summary>A small valid PDF.</summary>
    public static byte[] Pdf => "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>The first relative acknowledgement link in a text.</summary>
    public static string AcknowledgementLink(string text) => AcknowledgementLinkPattern().Match(text).Value.Replace("http://localhost", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex(@"http://localhost/carnet/accuser-reception\?jeton=[^\s]+")]
    private static partial Regex AcknowledgementLinkPattern();
}
