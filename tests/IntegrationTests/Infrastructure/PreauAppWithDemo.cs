using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Preau.Identity.Accounts;

namespace Preau.Tests.Infrastructure;

/// <summary>A PreauApp with the demo territory seeded (every module's demo data), as `dotnet run` shows it.</summary>
public sealed class PreauAppWithDemo : PreauApp
{
    /// <summary>The password of the printed demo accounts.</summary>
    public const string DemoPassword = "preau-demo-valmont";

    /// <summary>A printed demo account, ready to sign in (administrators get a second factor enrolled).</summary>
    public async Task<TestAccount> DemoAccountAsync(string login)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.FindByNameAsync(login) ?? throw new InvalidOperationException($"No demo account {login}.");
        string? key = null;
        if ((account.Profiles & Preau.Platform.Authorization.Profiles.Administrators) != 0)
        {
            key = await users.GetAuthenticatorKeyAsync(account);
            if (key is null)
            {
                await users.ResetAuthenticatorKeyAsync(account);
                key = await users.GetAuthenticatorKeyAsync(account);
                await users.SetTwoFactorEnabledAsync(account, true);
            }
        }

        return new TestAccount(account.Id, login, DemoPassword, key);
    }

    /// <inheritdoc />
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Preau:SeedDemo"] = "true";
        settings["Demo:Password"] = DemoPassword;
    }
}
