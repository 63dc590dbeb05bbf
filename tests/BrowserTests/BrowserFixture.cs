using System.Net;
using System.Net.Sockets;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Preau.Identity.Data;

[assembly: AssemblyFixture(typeof(Preau.BrowserTests.BrowserFixture))]

namespace Preau.BrowserTests;

/// <summary>
/// The real app on a loopback port (Kestrel), seeded with the demo territory, and a headless Debian
/// Chromium driven by Playwright (DESIGN.md, Tests). Shared by every browser test of the run.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // Starting or stopping the app or the browser never takes this long: past it, the run fails and says where.
    private static readonly TimeSpan SetUpLimit = TimeSpan.FromMinutes(3);
    private IPlaywright? _playwright;

    /// <summary>The app, with access to its services to arrange data.</summary>
    public DemoApp App { get; } = new();

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app's address, e.g. http://localhost:5123.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}. Install it with: sudo apt-get install -y chromium (./test.sh does it for you).");
        }

        var port = FreePort();
        App.UseKestrel(port);
        await App.InitializeAsync().AsTask().WaitAsync(SetUpLimit);
        BaseUrl = $"http://localhost:{port}";

        _playwright = await Playwright.CreateAsync();
        var arguments = new List<string> { "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run" };
        if (Environment.UserName == "root")
        {
            arguments.Add("--no-sandbox");
        }

        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = arguments, Timeout = (float)SetUpLimit.TotalMilliseconds });
    }

    /// <summary>A fresh browser context (no cookies) and page, in French.</summary>
    public async Task<IPage> NewPageAsync(string locale = "fr-FR")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = locale, ViewportSize = new() { Width = 390, Height = 844 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, typing like a person and submitting with Enter.</summary>
    public async Task<IPage> SignInAsync(string login, string password)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Identifiant").FillAsync(login);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByLabel("Mot de passe").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal) || url.Contains("deux-facteurs", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// Signs in an account that must use a second factor (an administrator): enrols it on the first
    /// sign-in of the run, or types the current code of the key it enrolled.
    /// </summary>
    public async Task<IPage> SignInWithSecondFactorAsync(string login, string password)
    {
        var page = await SignInAsync(login, password);
        if (page.Url.Contains("/compte/double-authentification", StringComparison.Ordinal))
        {
            var key = (await page.Locator(".shared-key").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            await page.GetByLabel("Code de vérification").FillAsync(Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Activer" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Continuer" }).ClickAsync();
        }
        else if (page.Url.Contains("deux-facteurs", StringComparison.Ordinal))
        {
            await using var scope = App.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Preau.Identity.Accounts.Account>>();
            var key = (await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(login))!))!;
            await page.GetByLabel("Code").First.FillAsync(Code(key));
            await page.GetByLabel("Code").First.PressAsync("Enter");
        }

        await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal) && !url.Contains("double-authentification", StringComparison.Ordinal));
        return page;

        // ASP.NET Core Identity 10 checks TOTP codes against the system clock, not the app's TimeProvider.
        static string Code(string key) => new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
    }

    /// <summary>Runs axe-core on the page and fails with the list of violations, if any (RGAA / WCAG 2.1 AA).</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        // A script evaluation has no Playwright time limit: a page that never answers fails here, with its address.
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        }).WaitAsync(TimeSpan.FromMinutes(1));
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} → {string.Join(" | ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync().AsTask().WaitAsync(SetUpLimit);
        }

        _playwright?.Dispose();
        await App.DisposeAsync().AsTask().WaitAsync(SetUpLimit);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A journey's time limit. A journey that waits forever (a browser call or a server call that never
/// answers) then fails with its name, instead of holding the whole run until CI's own limit.
/// </summary>
public static class Journey
{
    /// <summary>Three minutes: the longest journey takes about forty seconds on a loaded 2-core machine.</summary>
    public const int Timeout = 180_000;
}

/// <summary>The app with the demo territory seeded, as a newcomer sees it after `dotnet run`.</summary>
public sealed class DemoApp : Preau.Tests.Infrastructure.PreauApp
{
    /// <summary>The password of the printed demo accounts.</summary>
    public const string DemoPassword = "preau-demo-valmont";

    /// <inheritdoc />
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Preau:SeedDemo"] = "true";
        settings["Demo:Password"] = DemoPassword;
    }

    /// <summary>The demo territory's id, read in a scope of its own (journeys run in parallel on this app).</summary>
    public async Task<Guid> DemoTerritoryIdAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Territories.IgnoreQueryFilters()
            .Where(t => t.Slug == "valmont").Select(t => t.Id).SingleAsync();
    }

    /// <summary>Runs <paramref name="work"/> in a scope entered in the demo territory.</summary>
    public async Task<T> InDemoTerritoryAsync<T>(Func<IServiceProvider, Task<T>> work) => await InTerritoryAsync(await DemoTerritoryIdAsync(), work);
}
