using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Communication.Abuse;
using Preau.Communication.Data;
using Preau.Communication.Rules;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;
using Preau.Platform.Web;

namespace Preau.Communication.Pages.Rules;

/// <summary>
/// The territory administrator's page: who may write to whom (a matrix of profiles), quiet hours,
/// hourly quotas per profile, the mass-sending threshold and what e-mails may quote.
/// </summary>
[Authorize(Policy = CommunicationPermissions.ManageRules)]
internal sealed class IndexModel(CommunicationDbContext db, TenantContext tenant, SafetyLog safetyLog, IStringLocalizer localizer) : PageModel
{
    [BindProperty]
    public Dictionary<string, Reach> Cells { get; set; } = [];

    [BindProperty]
    public Dictionary<string, int> Quotas { get; set; } = [];

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    public static string CellKey(Profile sender, Profile recipient) => $"{sender}-{recipient}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var matrix = RuleMatrix.From(await db.CommunicationRules.AsNoTracking().ToListAsync(cancellationToken));
        var settings = await db.CommunicationSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? CommunicationSettings.Defaults(tenant.RequiredTerritoryId);
        Cells = RuleMatrix.Profiles.SelectMany(s => RuleMatrix.Profiles.Select(r => (s, r))).ToDictionary(p => CellKey(p.s, p.r), p => matrix[p.s, p.r]);
        Quotas = settings.Quotas().ToDictionary(q => q.Key.ToString(), q => q.Value);
        Settings = SettingsInput.From(settings);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, value) in Quotas)
        {
            if (value is < 1 or > 10_000)
            {
                ModelState.AddModelError($"Quotas[{key}]", localizer["Un quota est compris entre 1 et 10 000 messages par heure."]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await db.CommunicationRules.ExecuteDeleteAsync(cancellationToken);
        foreach (var sender in RuleMatrix.Profiles)
        {
            foreach (var recipient in RuleMatrix.Profiles)
            {
                if (Cells.TryGetValue(CellKey(sender, recipient), out var reach) && reach != RuleMatrix.Default(sender, recipient) && RuleMatrix.OptionsFor(sender, recipient).Contains(reach))
                {
                    db.CommunicationRules.Add(new CommunicationRule { SenderProfile = sender, RecipientProfile = recipient, Reach = reach });
                }
            }
        }

        var settings = await db.CommunicationSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = CommunicationSettings.Defaults(tenant.RequiredTerritoryId);
            db.CommunicationSettings.Add(settings);
        }

        Settings.ApplyTo(settings);
        settings.SetQuotas(RuleMatrix.Profiles.ToDictionary(p => p, p => Quotas.TryGetValue(p.ToString(), out var q) ? q : CommunicationSettings.DefaultQuota(p)));
        safetyLog.Record(SafetyAction.RulesChanged, User.RequiredAccountId(), "Règles de communication et réglages de la messagerie modifiés.");
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(localizer["Les règles de communication sont enregistrées ; elles s’appliquent dès maintenant."]);
        return RedirectToPage();
    }
}

internal sealed class SettingsInput
{
    public bool QuietHoursEnabled { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure de début.")]
    public TimeOnly? QuietFrom { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure de fin.")]
    public TimeOnly? QuietUntil { get; set; }

    public bool QuietAtWeekends { get; set; }

    public bool QuietDuringHolidays { get; set; }

    public bool QuietForStaff { get; set; }

    public bool MinorsContentInEmails { get; set; }

    [Required(ErrorMessage = "Indiquez l’heure du résumé quotidien.")]
    public TimeOnly? DigestAt { get; set; }

    [Range(5, 100_000, ErrorMessage = "Le seuil est compris entre 5 et 100 000 destinataires.")]
    public int MassSendingThreshold { get; set; }

    public static SettingsInput From(CommunicationSettings s) => new()
    {
        QuietHoursEnabled = s.QuietHoursEnabled,
        QuietFrom = s.QuietFrom,
        QuietUntil = s.QuietUntil,
        QuietAtWeekends = s.QuietAtWeekends,
        QuietDuringHolidays = s.QuietDuringHolidays,
        QuietForStaff = s.QuietForStaff,
        MinorsContentInEmails = s.MinorsContentInEmails,
        DigestAt = s.DigestAt,
        MassSendingThreshold = s.MassSendingThreshold,
    };

    public void ApplyTo(CommunicationSettings s)
    {
        s.QuietHoursEnabled = QuietHoursEnabled;
        s.QuietFrom = QuietFrom ?? s.QuietFrom;
        s.QuietUntil = QuietUntil ?? s.QuietUntil;
        s.QuietAtWeekends = QuietAtWeekends;
        s.QuietDuringHolidays = QuietDuringHolidays;
        s.QuietForStaff = QuietForStaff;
        s.MinorsContentInEmails = MinorsContentInEmails;
        s.DigestAt = DigestAt ?? s.DigestAt;
        s.MassSendingThreshold = MassSendingThreshold;
    }
}
