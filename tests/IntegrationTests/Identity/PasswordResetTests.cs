using System.Text.RegularExpressions;

namespace Preau.IntegrationTests.Identity;

/// <summary>Password reset by e-mail, through a real SMTP server (maildev) and the outbox.</summary>
public sealed partial class PasswordResetTests(PreauAppWithMail app) : IClassFixture<PreauAppWithMail>
{
    [Fact]
    public async Task ResetPassword_LinkFromTheEmail_SetsANewPasswordThatSignsIn()
    {
        var territory = await app.CreateTerritoryAsync();
        var email = $"{territory.TeacherA.Login}@test.localhost";

        var request = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/mot-de-passe-oublie", new() { ["LoginOrEmail"] = territory.TeacherA.Login });
        Assert.Contains("Si un compte correspond", await request.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.Mail!.MailsToAsync(email));

        await app.RunOutboxAsync();

        var mail = Assert.Single(await app.Mail.MailsToAsync(email));
        Assert.Equal("Préau : réinitialisation de votre mot de passe", mail.Subject);
        var link = new Uri(LinkPattern().Match(mail.Text!).Value);
        var client = app.CreateBrowserClient();
        var reset = await PreauApp.SubmitFormAsync(client, link.PathAndQuery, new() { ["Input.Password"] = "trois pommes vertes sur le toit", ["Input.Confirmation"] = "trois pommes vertes sur le toit" });
        Assert.Contains("Votre mot de passe a été changé", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.SignInAsync(territory.TeacherA with { Password = "trois pommes vertes sur le toit" });
        var reused = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), link.PathAndQuery, new() { ["Input.Password"] = "encore un autre mot de passe", ["Input.Confirmation"] = "encore un autre mot de passe" });
        Assert.Contains("Ce lien n’est plus valable", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_CommonPassword_IsRefusedWithTheReason()
    {
        var territory = await app.CreateTerritoryAsync();
        await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/mot-de-passe-oublie", new() { ["LoginOrEmail"] = territory.HeadA.Login });
        await app.RunOutboxAsync();
        var mail = Assert.Single(await app.Mail!.MailsToAsync($"{territory.HeadA.Login}@test.localhost"));
        var link = new Uri(LinkPattern().Match(mail.Text!).Value);

        var reset = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), link.PathAndQuery, new() { ["Input.Password"] = "azertyuiop123", ["Input.Confirmation"] = "azertyuiop123" });

        Assert.Contains("mots de passe les plus courants", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_UnknownLogin_AnswersTheSameAndSendsNothing()
    {
        var before = (await app.Mail!.MailsAsync()).Count;

        var response = await PreauApp.SubmitFormAsync(app.CreateBrowserClient(), "/mot-de-passe-oublie", new() { ["LoginOrEmail"] = "personne.inconnue" });
        await app.RunOutboxAsync();

        Assert.Contains("Si un compte correspond", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await app.Mail.MailsAsync()).Count);
    }

    [GeneratedRegex(@"http://localhost/mot-de-passe/reinitialiser\?\S+")]
    private static partial Regex LinkPattern();
}
