using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using Preau.Identity.Activation;
using Preau.Identity.Contracts;
using Preau.Identity.Data;
using Preau.Identity.Directory;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Identity.Pages.Admin.Letters;

/// <summary>
/// Activation letters: choose the families (a class, a school, one person), issue their codes, and print
/// the letters at once, as a page (print stylesheet, one letter per sheet) or as a PDF. The clear codes
/// are shown this once: the answer is never cached and the codes are not kept.
/// </summary>
[Authorize(Policy = IdentityPermissions.PrintActivationLetters)]
internal sealed class IndexModel(
    IdentityDbContext db, IssueActivationLetters issue, IAccountRelations relations, IAuthorizationService authorization, ManagedAccounts managed,
    PublicLinks links, TenantContext tenant, TimeProvider clock, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "classe")]
    public Guid? ClassGroupId { get; set; }

    [BindProperty(SupportsGet = true, Name = "etablissement")]
    public Guid? SchoolId { get; set; }

    [BindProperty(SupportsGet = true, Name = "personne")]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public bool OnlyNotActivated { get; set; } = true;

    [BindProperty]
    public string Format { get; set; } = "html";

    public string? PersonName { get; private set; }

    public IEnumerable<SelectListItem> ClassItems { get; private set; } = [];

    public IEnumerable<SelectListItem> SchoolItems { get; private set; } = [];

    /// <summary>The letters just issued, shown once.</summary>
    public LetterBatch? Batch { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PersonId is { } personId)
        {
            if (await PrintableAsync(personId, cancellationToken) is not { } name)
            {
                return NotFound();
            }

            PersonName = name;
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var scope = SchoolScope.PrintsLettersFor(await relations.ForUserAsync(User, cancellationToken));
        (LetterSelection Selection, Guid Target, string Subject)? chosen = null;
        if (PersonId is { } personId)
        {
            if (await PrintableAsync(personId, cancellationToken) is not { } name)
            {
                return NotFound();
            }

            PersonName = name;
            chosen = (LetterSelection.Person, personId, name);
        }
        else if (ClassGroupId is { } classGroupId)
        {
            var group = await db.ClassGroups.AsNoTracking().Join(db.Schools, c => c.SchoolId, s => s.Id, (c, s) => new { c.Id, c.SchoolId, c.Name, School = s.Name })
                .FirstOrDefaultAsync(c => c.Id == classGroupId, cancellationToken);
            if (group is null || !scope.Includes(group.SchoolId))
            {
                return NotFound();
            }

            chosen = (LetterSelection.Class, group.Id, $"{group.Name}, {group.School}");
        }
        else if (SchoolId is { } schoolId)
        {
            var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, cancellationToken);
            if (school is null || !scope.Includes(school.Id))
            {
                return NotFound();
            }

            chosen = (LetterSelection.School, school.Id, school.Name);
        }

        if (chosen is not { } selection)
        {
            ModelState.AddModelError(string.Empty, localizer["Choisissez une classe, un établissement ou une personne."]);
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        var recipients = await issue.Recipients(selection.Selection, selection.Target, OnlyNotActivated).Take(IssueActivationLetters.MaxLetters + 1).ToListAsync(cancellationToken);
        if (recipients.Count == 0 || recipients.Count > IssueActivationLetters.MaxLetters)
        {
            ModelState.AddModelError(string.Empty, recipients.Count == 0
                ? localizer["Aucune lettre à imprimer : toutes les familles choisies ont déjà activé leur compte, ou aucune n’est rattachée."]
                : localizer["Plus de {0} lettres à la fois : imprimez-les établissement par établissement.", IssueActivationLetters.MaxLetters]);
            await LoadChoicesAsync(cancellationToken);
            return Page();
        }

        Batch = await issue.RunAsync(User.RequiredAccountId(), recipients, selection.Subject, links.Absolute(Request, "/"), cancellationToken);
        // The clear codes must not stay in any cache (browser, proxy).
        Response.Headers.CacheControl = "no-store";
        if (Format == "pdf")
        {
            return File(ActivationLetterPdf.Build(Batch, localizer), "application/pdf", $"lettres-activation-{tenant.Today(clock):yyyy-MM-dd}.pdf");
        }

        return Page();
    }

    /// <summary>The person's name when the user may print their letter, else null (answered 404).</summary>
    private async Task<string?> PrintableAsync(Guid personId, CancellationToken cancellationToken)
    {
        var target = await managed.FindAsync(personId, cancellationToken);
        if (target is null || !await authorization.CanAsync(User, target, AccountOperations.PrintLetter))
        {
            return null;
        }

        return await db.Accounts.Where(a => a.Id == personId).Select(a => a.FirstName + " " + a.LastName).FirstAsync(cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var scope = SchoolScope.PrintsLettersFor(await relations.ForUserAsync(User, cancellationToken));
        var ids = scope.SchoolIds.ToList();
        var schools = db.Schools.AsNoTracking().Where(s => s.IsActive && (scope.AllSchools || ids.Contains(s.Id)));
        SchoolItems = await schools.OrderBy(s => s.Name).Take(1000).Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == SchoolId)).ToListAsync(cancellationToken);
        var year = await StructureDirectory.CurrentSchoolYearQuery(db, tenant.Today(clock)).Select(y => (Guid?)y.Id).FirstOrDefaultAsync(cancellationToken);
        ClassItems = await (from c in db.ClassGroups.AsNoTracking()
                            join s in schools on c.SchoolId equals s.Id
                            where c.SchoolYearId == year && c.IsActive && (SchoolId == null || c.SchoolId == SchoolId)
                            orderby s.Name, c.Kind, c.Name
                            select new SelectListItem(s.Name + " – " + c.Name, c.Id.ToString(), c.Id == ClassGroupId)).Take(500).ToListAsync(cancellationToken);
    }
}
