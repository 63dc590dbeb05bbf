using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OtpNet;
using Preau.Platform.Data;
using Preau.Platform.Jobs;
using Preau.Platform.Outbox;
using Preau.Platform.Tenancy;

namespace Preau.Tests.Infrastructure;

/// <summary>
/// Préau in-process over HTTP, on its own database: SQLite by default, PostgreSQL when
/// PREAU_TEST_DATABASE=postgres (./test.sh runs the suite on both). One app per test class
/// (IClassFixture&lt;PreauApp&gt;); intent methods keep tests about what users do.
/// </summary>
public class PreauApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The password of every account created by <see cref="TerritoryBuilder"/>.</summary>
    public const string Password = "un mot de passe de test solide";

    /// <summary>Monday 23 November 2026, 08:30 in Paris: a school day.</summary>
    public static readonly DateTimeOffset SchoolDayMorning = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    private static readonly HtmlParser Parser = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "preau-test-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private string? _connectionString;

    /// <summary>The app's clock: frozen at <see cref="SchoolDayMorning"/> until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(SchoolDayMorning);

    /// <summary>The engine this run tests.</summary>
    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("PREAU_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    /// <summary>The real SMTP server this app sends to, when the test class asked for one.</summary>
    public MailServer? Mail { get; private set; }

    /// <summary>Whether this app sends mail to a real SMTP server (override to ask for one).</summary>
    protected virtual bool UsesMailServer => false;

    /// <summary>Extra configuration for this app (override to change a setting).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Where uploads and mail files of this app go.</summary>
    public string Folder => _folder;

    /// <summary>The database of this app (to start a second process on the same data).</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The app has not started.");

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _connectionString ??= Provider == DatabaseProvider.Postgres
            ? await (await PostgresServer.GetAsync()).CreateDatabaseAsync()
            : $"Data Source={Path.Combine(_folder, "preau.db")}";
        if (UsesMailServer)
        {
            Mail = await MailServer.StartAsync();
        }

        _settings["Database:Provider"] = Provider.ToString();
        _settings["Database:ConnectionString"] = _connectionString;
        _settings["Database:MigrateAtStartup"] = "true";
        _settings["Preau:SeedDemo"] = "false";
        _settings["Preau:PublicUrl"] = "http://localhost";
        _settings["Logging:LogLevel:Default"] = "Warning";
        _settings["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error";
        _settings["Outbox:RunInBackground"] = "false";
        _settings["Jobs:RunInBackground"] = "false";
        _settings["Identity:SignInAttemptsPerMinute"] = "100000";
        // The real hasher with fewer rounds: hundreds of accounts are created and signed in per run.
        _settings["Identity:PasswordHashIterations"] = "1000";
        _settings["Files:Root"] = Path.Combine(_folder, "files");
        _settings["Mail:PickupDirectory"] = Path.Combine(_folder, "mail");
        if (Mail is not null)
        {
            _settings["Mail:Host"] = "127.0.0.1";
            _settings["Mail:Port"] = Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _settings["Mail:Security"] = "None";
        }

        Configure(_settings);
        StartServer();
        await Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    /// <summary>Shares another app's database (a second process of the same deployment).</summary>
    public PreauApp SharingDatabaseWith(PreauApp other)
    {
        _connectionString = other.ConnectionString;
        return this;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Modules' stylesheets and scripts (/_content/Preau.<Module>/…) are served as in development;
        // a published app has them in wwwroot.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests assert them).</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the sign-in page (and the second-factor page for administrators).</summary>
    public async Task<HttpClient> SignInAsync(TestAccount account)
    {
        var client = CreateBrowserClient();
        var response = await SubmitFormAsync(client, "/connexion", new() { ["Input.Login"] = account.Login, ["Input.Password"] = account.Password });
        if (response.Headers.Location?.OriginalString.StartsWith("/connexion/deux-facteurs", StringComparison.Ordinal) == true)
        {
            // ASP.NET Core Identity 10 checks TOTP codes against the system clock, not the app's TimeProvider.
            var code = new Totp(Base32Encoding.ToBytes(account.AuthenticatorKey ?? throw new InvalidOperationException($"{account.Login} needs a second factor.")))
                .ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime);
            response = await SubmitFormAsync(client, response.Headers.Location.OriginalString, new() { ["Code"] = code });
        }

        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in of {account.Login} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    /// <summary>GETs a page and parses it.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        return Parser.ParseDocument(html);
    }

    /// <summary>Parses HTML.</summary>
    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>
    /// Fills and submits a form of a page as a browser would: the page's hidden fields (antiforgery
    /// token included) and default values, overridden by <paramref name="fields"/>. The form is the
    /// one holding the first given field, or the one whose handler is <paramref name="handler"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? handler = null)
    {
        var page = await GetPageAsync(client, url);
        var form = page.Forms.FirstOrDefault(f => handler is not null
                ? (f.GetAttribute("action") ?? string.Empty).Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase)
                : fields.Count == 0 || f.Elements.Any(e => e.GetAttribute("name") == fields.Keys.First()))
            ?? throw new InvalidOperationException($"No matching form on {url}.");
        return await PostFormAsync(client, url, form, fields);
    }

    /// <summary>Submits a parsed form with overridden values.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, IHtmlFormElement form, Dictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>();
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
                    values.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "file" }:
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }

        values.AddRange(fields);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Dispatches every due outbox message (tests never wait with Task.Delay).</summary>
    public async Task RunOutboxAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Runs a scheduled job now.</summary>
    public Task RunJobAsync(string name) => Services.GetRequiredService<ScheduledJobRunner>().RunAsync(name, CancellationToken.None);

    /// <summary>Runs code in a scope entered in a territory (to arrange data or check it).</summary>
    public async Task<T> InTerritoryAsync<T>(Guid territoryId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(territoryId);
        return await work(scope.ServiceProvider);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a closing connection: the temp folder is cleaned by the system.
        }
    }
}

/// <summary>A PreauApp that sends mail to a real SMTP server (maildev).</summary>
public sealed class PreauAppWithMail : PreauApp
{
    /// <inheritdoc />
    protected override bool UsesMailServer => true;
}
