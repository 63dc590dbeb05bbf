using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Preau.Identity.Accounts;
using Preau.Identity.Data;
using Preau.Platform.Authorization;
using Preau.SchoolLife.Data;
using Preau.SchoolLife.LiaisonNotebook;

namespace Preau.BrowserTests.SchoolLife;

/// <summary>
/// The journeys of the liaison notebook, the roll call and assessments on the demo territory, on a
/// phone-size screen (390 × 844), with axe-core on every page of the capability.
/// </summary>
public sealed partial class FamilyLinkJourneyTests(BrowserFixture browser)
{
    private const string Password = DemoApp.DemoPassword;

    [Fact(Timeout = Journey.Timeout)]
    public async Task RollCall_TeacherOnAPhone_GuardianJustifies_SchoolLifeValidates()
    {
        var sixiemeA = await GroupIdAsync("6e A");
        var teacher = await browser.SignInAsync("professeur.maths", Password);
        await teacher.GotoAsync("/appel");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByLabel("Classe ou groupe").SelectOptionAsync(new SelectOptionValue { Label = "6e A" });
        await teacher.GetByLabel("Début de la séance").FillAsync("13:30");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la feuille d’appel" }).ClickAsync();
        await Assertions.Expect(teacher).ToHaveURLAsync(new Regex($"classe={sixiemeA}.*debut=13%3A30|classe={sixiemeA}.*debut=13:30"));

        var lea = teacher.Locator("[data-pupil]").Filter(new() { HasText = "Martin Léa" });
        await lea.GetByText("Absent", new() { Exact = true }).ClickAsync();
        var late = teacher.Locator("[data-pupil]").Nth(0);
        await late.GetByText("Retard", new() { Exact = true }).ClickAsync();
        await late.GetByLabel("minutes").FillAsync("5");
        await Assertions.Expect(teacher.Locator("[data-roll-call-count]")).ToHaveTextAsync("1 absent(s), 1 retard(s)");
        var box = await lea.GetByText("Absent", new() { Exact = true }).BoundingBoxAsync();
        Assert.True(box!.Height >= 44, "Touch targets are at least 44 px high (WCAG 2.5.5).");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l’appel" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("Appel enregistré : 1 absent(s), 1 retard(s).");

        browser.App.Clock.Advance(TimeSpan.FromMinutes(31));
        await browser.App.RunOutboxAsync();

        var parent = await browser.SignInAsync("parent.martin", Password);
        var toJustify = parent.Locator("#absences-home-title").Locator("xpath=..");
        await Assertions.Expect(toJustify).ToContainTextAsync("Léa");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await toJustify.GetByRole(AriaRole.Link).Filter(new() { HasText = "13:30" }).ClickAsync();
        await parent.GetByLabel("Motif").SelectOptionAsync(new SelectOptionValue { Label = "Rendez-vous médical" });
        await parent.GetByLabel("Commentaire").FillAsync("Orthodontiste à 14 h.");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GetByRole(AriaRole.Button, new() { Name = "Envoyer la justification" }).ClickAsync();
        await Assertions.Expect(parent.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre justification a été envoyée à la vie scolaire.");
        await Assertions.Expect(parent.Locator(".summary-list")).ToContainTextAsync("Justification envoyée");

        var cpe = await browser.SignInAsync("cpe.hugo", Password);
        await BrowserFixture.AssertAccessibleAsync(cpe);
        await cpe.GotoAsync("/vie-scolaire");
        await BrowserFixture.AssertAccessibleAsync(cpe);
        await cpe.GetByRole(AriaRole.Link, new() { Name = "Léa Martin" }).First.ClickAsync();
        await Assertions.Expect(cpe.Locator(".summary-list")).ToContainTextAsync("Orthodontiste à 14 h.");
        await BrowserFixture.AssertAccessibleAsync(cpe);
        await cpe.GetByRole(AriaRole.Button, new() { Name = "Accepter la justification" }).ClickAsync();
        await Assertions.Expect(cpe.GetByRole(AriaRole.Status)).ToContainTextAsync("Justification acceptée.");

        await parent.GotoAsync($"/absences?eleve={await PupilIdAsync("Léa")}");
        await Assertions.Expect(parent.Locator(".absence-list")).ToContainTextAsync("Justifiée");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GotoAsync("/absences/prevenir");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await cpe.GotoAsync("/vie-scolaire/statistiques");
        await Assertions.Expect(cpe.Locator("#alerts-title")).ToContainTextAsync("Élèves au-dessus du seuil");
        await BrowserFixture.AssertAccessibleAsync(cpe);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Authorization_TeacherSendsIt_BothGuardiansAcknowledgeAndAnswer_TeacherSeesWho()
    {
        var secondGuardian = await GiveThePasswordToLucasSecondGuardianAsync();
        var teacher = await browser.SignInAsync("enseignante.cm2", Password);
        await teacher.GotoAsync("/carnet");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByRole(AriaRole.Link, new() { Name = "Écrire un mot" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByLabel("Destinataires").SelectOptionAsync(new SelectOptionValue { Label = "Classe ou groupe : CM2" });
        await teacher.GetByLabel("Titre").FillAsync("Sortie à la ferme pédagogique");
        await teacher.GetByLabel("Texte").FillAsync("Nous irons à la ferme vendredi.\n\nMerci de nous dire si votre enfant peut venir.");
        await teacher.GetByLabel("Réponse attendue").SelectOptionAsync(new SelectOptionValue { Label = "Oui ou non" });
        await teacher.GetByLabel("C’est une autorisation").CheckAsync();
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("Le mot a été envoyé aux familles.");
        var noteUrl = teacher.Url;
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await browser.App.RunOutboxAsync();

        foreach (var (login, answer) in new[] { ("parent.martin", "Oui"), (secondGuardian, "Non") })
        {
            var guardian = await browser.SignInAsync(login, Password);
            await Assertions.Expect(guardian.Locator("#notes-home-title")).ToContainTextAsync("Mots à signer");
            await guardian.Locator("#notes-home-title").Locator("xpath=..").GetByRole(AriaRole.Link, new() { Name = "Sortie à la ferme pédagogique" }).ClickAsync();
            await BrowserFixture.AssertAccessibleAsync(guardian);
            await guardian.GetByRole(AriaRole.Button, new() { Name = "J’ai lu ce mot" }).ClickAsync();
            await Assertions.Expect(guardian.GetByRole(AriaRole.Status)).ToContainTextAsync("Accusé de réception enregistré.");
            await guardian.GetByText(answer, new() { Exact = true }).ClickAsync();
            await guardian.GetByRole(AriaRole.Button, new() { Name = "Répondre" }).ClickAsync();
            await Assertions.Expect(guardian.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre réponse a été enregistrée.");
            await BrowserFixture.AssertAccessibleAsync(guardian);
        }

        await teacher.GotoAsync(noteUrl);
        var family = teacher.Locator(".family").Filter(new() { HasText = "Lucas Martin" });
        await Assertions.Expect(family).ToContainTextAsync("Nathalie Martin");
        await Assertions.Expect(family.Locator(".guardian-list > li")).ToHaveCountAsync(2);
        await Assertions.Expect(family.Locator(".guardian-list > li").Filter(new() { HasText = "Nathalie" })).ToContainTextAsync("Réponse : oui");
        await Assertions.Expect(family.Locator(".guardian-list > li").Filter(new() { HasNotText = "Nathalie" })).ToContainTextAsync("Réponse : non");
        await Assertions.Expect(family.Locator(".badge")).ToHaveTextAsync("Fait");
        await BrowserFixture.AssertAccessibleAsync(teacher);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task AcknowledgementLink_FromTheEmail_ConfirmsWithoutSigningIn_AndPassesAxe()
    {
        var (territoryId, noteId, guardianId) = await browser.App.InTerritoryAsync(await TerritoryIdAsync(), async sp =>
        {
            var db = sp.GetRequiredService<SchoolLifeDbContext>();
            var row = await db.NoteRecipients.Where(r => r.AcknowledgedAt == null && r.ActionExpected).OrderBy(r => r.Id).FirstAsync();
            return (row.TerritoryId, row.NoteId, row.GuardianId);
        });
        var link = await browser.App.InTerritoryAsync(territoryId, sp => Task.FromResult(sp.GetRequiredService<AcknowledgementLinks>().LinkFor(new AcknowledgementGrant(territoryId, noteId, guardianId))));
        var page = await browser.NewPageAsync();

        await page.GotoAsync(link);
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Je confirme avoir lu ce mot" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("votre accusé de réception est enregistré");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GotoAsync("/carnet/accuser-reception?jeton=perime");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Ce lien n’est pas valable ou a expiré.");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Assessments_TeacherEntersAndPublishes_ParentAndPupilSeeResults_EveryPagePassesAxe()
    {
        var sixiemeA = await GroupIdAsync("6e A");
        var teacher = await browser.SignInAsync("professeur.maths", Password);
        await teacher.GotoAsync("/evaluations");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GotoAsync($"/evaluations/groupe/{sixiemeA}");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByLabel("Titre").FillAsync("Proportionnalité");
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Créer l’évaluation" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("Évaluation créée");
        await teacher.Locator("input[name^=Value]").First.FillAsync("16,5");
        await BrowserFixture.AssertAccessibleAsync(teacher);
        await teacher.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et publier aux familles" }).ClickAsync();
        await Assertions.Expect(teacher.GetByRole(AriaRole.Status)).ToContainTextAsync("Notes enregistrées et publiées.");
        await teacher.GotoAsync($"/evaluations/groupe/{sixiemeA}/appreciations?matiere=Math%C3%A9matiques&periode=1");
        await BrowserFixture.AssertAccessibleAsync(teacher);

        var parent = await browser.SignInAsync("parent.martin", Password);
        await Assertions.Expect(parent.Locator("#marks-home-title")).ToContainTextAsync("Nouvelles notes");
        await parent.GotoAsync("/evaluations");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GotoAsync($"/evaluations/eleve/{await PupilIdAsync("Léa")}");
        await Assertions.Expect(parent.Locator(".report-table")).ToContainTextAsync("Mathématiques");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GotoAsync($"/evaluations/eleve/{await PupilIdAsync("Lucas")}");
        await Assertions.Expect(parent.Locator("#report-title")).ToContainTextAsync("Bilan périodique");
        await BrowserFixture.AssertAccessibleAsync(parent);
        await parent.GetByRole(AriaRole.Button, new() { Name = "J’ai pris connaissance du bilan" }).ClickAsync();
        await Assertions.Expect(parent.GetByRole(AriaRole.Status)).ToContainTextAsync("vous avez pris connaissance du bilan");

        var pupil = await browser.SignInAsync("eleve.lucas", Password);
        await pupil.GotoAsync("/absences");
        await BrowserFixture.AssertAccessibleAsync(pupil);
        await pupil.GotoAsync($"/evaluations/eleve/{await PupilIdAsync("Lucas")}");
        await Assertions.Expect(pupil.Locator("#competencies-title")).ToContainTextAsync("cycle 3");
        await BrowserFixture.AssertAccessibleAsync(pupil);

        var cm2Teacher = await browser.SignInAsync("enseignante.cm2", Password);
        await cm2Teacher.GotoAsync($"/evaluations/competences/{await GroupIdAsync("CM2")}?eleve={await PupilIdAsync("Lucas")}");
        await BrowserFixture.AssertAccessibleAsync(cm2Teacher);
        var head = await browser.SignInAsync("principale.hugo", Password);
        await head.GotoAsync("/vie-scolaire/reglages");
        await BrowserFixture.AssertAccessibleAsync(head);
    }

    [Fact(Timeout = Journey.Timeout)]
    public async Task Curriculum_AdministratorPage_PassesAxe()
    {
        var (login, key) = await CreateAdministratorAsync();
        var page = await browser.SignInAsync(login, Password);
        // ASP.NET Core Identity 10 checks TOTP codes against the system clock, not the app's TimeProvider.
        await page.GetByLabel("Code").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime));
        await page.GetByLabel("Code").PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal));

        await page.GotoAsync("/evaluations/referentiel");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Cycle 3");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    private Task<Guid> TerritoryIdAsync() =>
        browser.App.DemoTerritoryIdAsync();

    private async Task<Guid> GroupIdAsync(string name) =>
        await browser.App.InTerritoryAsync(await TerritoryIdAsync(), sp => sp.GetRequiredService<IdentityDbContext>().ClassGroups.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    private async Task<Guid> PupilIdAsync(string firstName) =>
        await browser.App.InTerritoryAsync(await TerritoryIdAsync(), sp => sp.GetRequiredService<IdentityDbContext>().Accounts
            .Where(a => a.FirstName == firstName && a.LastName == "Martin" && a.Profiles == Profile.Pupil).Select(a => a.Id).SingleAsync());

    /// <summary>Lucas's second guardian activated their account (in the demo only the first one has).</summary>
    private async Task<string> GiveThePasswordToLucasSecondGuardianAsync() =>
        await browser.App.InTerritoryAsync(await TerritoryIdAsync(), async sp =>
        {
            var db = sp.GetRequiredService<IdentityDbContext>();
            var lucas = await PupilIdAsync("Lucas");
            var second = await (from l in db.GuardianLinks join a in db.Accounts on l.GuardianId equals a.Id where l.PupilId == lucas && a.UserName != "parent.martin" select a).SingleAsync();
            if (second.PasswordHash is null)
            {
                var users = sp.GetRequiredService<UserManager<Account>>();
                await users.AddPasswordAsync(second, Password);
                second.TermsAcceptedAt = browser.App.Clock.GetUtcNow().UtcDateTime;
                await users.UpdateAsync(second);
            }

            return second.UserName!;
        });

    private async Task<(string Login, string Key)> CreateAdministratorAsync() =>
        await browser.App.InTerritoryAsync(await TerritoryIdAsync(), async sp =>
        {
            var users = sp.GetRequiredService<UserManager<Account>>();
            var login = "admin.referentiel." + Guid.NewGuid().ToString("N")[..6];
            var account = new Account { TerritoryId = await TerritoryIdAsync(), UserName = login, FirstName = "Régine", LastName = "Référentiel", Profiles = Profile.TerritoryAdmin, CreatedAt = browser.App.Clock.GetUtcNow().UtcDateTime, LockoutEnabled = true, TermsAcceptedAt = browser.App.Clock.GetUtcNow().UtcDateTime };
            await users.CreateAsync(account, Password);
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            return (login, (await users.GetAuthenticatorKeyAsync(account))!);
        });
}
