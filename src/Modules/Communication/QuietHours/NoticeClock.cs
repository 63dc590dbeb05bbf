using Preau.Communication.Rules;
using Preau.Identity.Contracts;
using Preau.Platform.Tenancy;

namespace Preau.Communication.QuietHours;

/// <summary>When notices to families may leave in the current territory, now.</summary>
internal sealed class NoticeClock(TerritoryRules rules, IStructureDirectory directory, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Now, or the end of the quiet hours; always now for an urgent message.</summary>
    public async Task<DateTime> NextForFamiliesAsync(bool urgent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (urgent)
        {
            return now;
        }

        var settings = await rules.SettingsAsync(cancellationToken);
        return settings.QuietHours.NextAllowed(now, tenant.TimeZone, await directory.GetSchoolCalendarAsync(cancellationToken));
    }

    /// <summary>Whether staff are held by quiet hours too (a territory setting).</summary>
    public async Task<bool> AppliesToStaffAsync(CancellationToken cancellationToken) => (await rules.SettingsAsync(cancellationToken)).QuietForStaff;
}
