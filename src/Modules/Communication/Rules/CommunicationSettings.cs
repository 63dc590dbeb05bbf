using System.Text.Json;
using Preau.Communication.QuietHours;
using Preau.Platform.Authorization;
using Preau.Platform.Tenancy;

namespace Preau.Communication.Rules;

/// <summary>
/// A territory's messaging and notification settings, edited by its administrator on the rules page.
/// Absent until first saved: <see cref="Defaults"/> then apply.
/// </summary>
internal sealed class CommunicationSettings : ITerritoryOwned
{
    /// <summary>Read receipts are shown to the sender of a message to at most this many people (issue 4, item 1).</summary>
    public const int ReadReceiptLimit = 30;

    public Guid TerritoryId { get; init; }

    public bool QuietHoursEnabled { get; set; } = true;

    /// <summary>Start of the quiet evening, in the territory's time (20:00 by the 2025 rule).</summary>
    public TimeOnly QuietFrom { get; set; } = new(20, 0);

    /// <summary>End of the quiet night (07:00).</summary>
    public TimeOnly QuietUntil { get; set; } = new(7, 0);

    public bool QuietAtWeekends { get; set; } = true;

    /// <summary>School holidays and public holidays are as quiet as weekends.</summary>
    public bool QuietDuringHolidays { get; set; } = true;

    /// <summary>Quiet hours protect families; staff may choose to be protected too.</summary>
    public bool QuietForStaff { get; set; }

    /// <summary>Whether e-mails may quote a message written by or to a pupil (off: only the sender's name).</summary>
    public bool MinorsContentInEmails { get; set; }

    /// <summary>When the daily digest leaves, in the territory's time.</summary>
    public TimeOnly DigestAt { get; set; } = new(17, 0);

    /// <summary>A message to more people than this, from an account that never did so, waits for a head's review.</summary>
    public int MassSendingThreshold { get; set; } = 50;

    /// <summary>Messages an account may send per hour, per profile, as JSON ({"Guardian": 20}); missing profiles take the defaults.</summary>
    public string HourlyQuotas { get; set; } = "{}";

    public static CommunicationSettings Defaults(Guid territoryId) => new() { TerritoryId = territoryId };

    /// <summary>The default hourly quota of a profile: families write little, a school's office more.</summary>
    public static int DefaultQuota(Profile profile) => profile switch
    {
        Profile.Pupil => 10,
        Profile.Guardian => 20,
        Profile.Head or Profile.SchoolLifeStaff or Profile.MunicipalAgent or Profile.TerritoryAdmin => 120,
        _ => 60,
    };

    public IReadOnlyDictionary<Profile, int> Quotas()
    {
        var chosen = JsonSerializer.Deserialize<Dictionary<string, int>>(HourlyQuotas) ?? [];
        return RuleMatrix.Profiles.ToDictionary(p => p, p => chosen.TryGetValue(p.ToString(), out var value) ? value : DefaultQuota(p));
    }

    public void SetQuotas(IReadOnlyDictionary<Profile, int> quotas) =>
        HourlyQuotas = JsonSerializer.Serialize(quotas.ToDictionary(q => q.Key.ToString(), q => q.Value));

    /// <summary>The hourly quota of an account: the most generous of its profiles.</summary>
    public int QuotaFor(Profile profiles)
    {
        var quotas = Quotas();
        return RuleMatrix.Profiles.Where(p => (profiles & p) != Profile.None).Select(p => quotas[p]).DefaultIfEmpty(DefaultQuota(Profile.None)).Max();
    }

    public QuietHoursPolicy QuietHours => new(QuietHoursEnabled, QuietFrom, QuietUntil, QuietAtWeekends, QuietDuringHolidays);
}

/// <summary>A class where the teacher lets pupils write to their classmates (off by default).</summary>
internal sealed class ClassMessagingOption : ITerritoryOwned
{
    public Guid ClassGroupId { get; init; }

    public Guid TerritoryId { get; init; }

    public bool PupilsMayWriteToClass { get; set; }

    public Guid ChangedById { get; set; }

    public DateTime ChangedAt { get; set; }
}
