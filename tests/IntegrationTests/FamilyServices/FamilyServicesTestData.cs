using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Data;
using Preau.FamilyServices.Households;

namespace Preau.IntegrationTests.FamilyServices;

/// <summary>Arrangements and form helpers shared by the quotient, tariff, menu and catchment tests.</summary>
internal static class FamilyServicesTestData
{
    /// <summary>A minimal valid PDF (recognised by its %PDF- header).</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>Runs code with the module's DbContext in a territory.</summary>
    public static Task<T> WithDbAsync<T>(this PreauApp app, Guid territoryId, Func<FamilyServicesDbContext, Task<T>> work) =>
        app.InTerritoryAsync(territoryId, sp => work(sp.GetRequiredService<FamilyServicesDbContext>()));

    /// <summary>A test territory whose households the agent created from the rosters of its two schools.</summary>
    public static async Task<TestTerritory> CreateTerritoryWithHouseholdsAsync(this PreauApp app)
    {
        var t = await app.CreateTerritoryAsync();
        await app.InTerritoryAsync(t.Id, async sp =>
        {
            var create = sp.GetRequiredService<CreateHouseholdsFromRoster>();
            foreach (var school in new[] { t.SchoolA, t.SchoolB })
            {
                await create.HandleAsync(t.Agent.Id, school, default);
            }

            return 0;
        });
        return t;
    }

    /// <summary>The household id of a guardian, as the quotient page redirects to it.</summary>
    public static async Task<Guid> HouseholdOfAsync(HttpClient guardian)
    {
        using var response = await guardian.GetAsync("/quotient-familial");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>Submits a page's form as multipart (with files), keeping its hidden fields (antiforgery token).</summary>
    public static async Task<HttpResponseMessage> SubmitMultipartAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields, Dictionary<string, (string FileName, byte[] Content)> files)
    {
        var page = await PreauApp.GetPageAsync(client, url);
        var form = page.Forms.First(f => (f.GetAttribute("action") ?? string.Empty).Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase) || (handler.Length == 0 && f.Enctype == "multipart/form-data"));
        var content = new MultipartFormDataContent();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || fields.ContainsKey(name))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    content.Add(new StringContent(box.Value), name);
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "file" }:
                    break;
                case IHtmlInputElement input:
                    content.Add(new StringContent(input.Value), name);
                    break;
                case IHtmlSelectElement select:
                    content.Add(new StringContent(select.Value ?? string.Empty), name);
                    break;
                case IHtmlTextAreaElement area:
                    content.Add(new StringContent(area.Value), name);
                    break;
            }
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, (fileName, bytes)) in files)
        {
            content.Add(new ByteArrayContent(bytes), name, fileName);
        }

        var action = form.GetAttribute("action");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, content);
    }

    /// <summary>
    /// Submits the form that runs a page handler, as clicking its button would: the handler is on the form's
    /// action, or on a button's formaction (forms with several buttons).
    /// </summary>
    public static async Task<HttpResponseMessage> ClickAsync(HttpClient client, string url, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await PreauApp.GetPageAsync(client, url);
        var marker = "handler=" + handler;
        foreach (var form in page.Forms)
        {
            var target = (form.GetAttribute("action") ?? string.Empty).Contains(marker, StringComparison.OrdinalIgnoreCase)
                ? form.GetAttribute("action")
                : form.QuerySelectorAll("[formaction]").Select(b => b.GetAttribute("formaction")!).FirstOrDefault(a => a.Contains(marker, StringComparison.OrdinalIgnoreCase));
            if (target is not null)
            {
                form.SetAttribute("action", target);
                return await PreauApp.PostFormAsync(client, url, form, fields ?? []);
            }
        }

        throw new InvalidOperationException($"No form runs the handler {handler} on {url}.");
    }

    /// <summary>The error summary's text of a redisplayed form.</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the form again, got {(int)response.StatusCode}.");
        return PreauApp.Parse(html).QuerySelector(".error-summary")?.TextContent ?? string.Empty;
    }
}
