using Preau.Platform.Tenancy;
using static Preau.Platform.Localization.Text;

namespace Preau.Communication.News;

/// <summary>Who a news item is for.</summary>
internal enum NewsAudience
{
    /// <summary>The families, pupils and teachers of one class.</summary>
    Class,

    /// <summary>The families, pupils and staff of one school.</summary>
    School,

    /// <summary>Every account of the territory.</summary>
    Territory,

    /// <summary>Everyone, without an account: a school's public news make its public page.</summary>
    Public,
}

/// <summary>Where a news item is in its life.</summary>
internal enum NewsStatus
{
    /// <summary>Saved by its author, not submitted.</summary>
    Draft,

    /// <summary>A teacher's school news waiting for the head (when the school asks for approval).</summary>
    PendingApproval,

    /// <summary>Published: visible from its publication date to its expiry date.</summary>
    Published,

    /// <summary>Refused by the head, with a reason; the author may change it and submit it again.</summary>
    Rejected,

    /// <summary>Taken down by its author or the head.</summary>
    Withdrawn,
}

/// <summary>
/// A news item of a class, a school or the town: title, sanitised rich text, images and attachments,
/// a publication window and an audience. The rules of its life are methods here (unit-tested).
/// </summary>
internal sealed class NewsItem : ITerritoryOwned
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid AuthorId { get; init; }

    /// <summary>The school it comes from or is addressed to; null for the town's territory-wide news.</summary>
    public Guid? SchoolId { get; set; }

    /// <summary>The class, for class news.</summary>
    public Guid? ClassGroupId { get; set; }

    public NewsAudience Audience { get; set; }

    public required string Title { get; set; }

    /// <summary>Sanitised HTML (RichText.Sanitize), shown as is.</summary>
    public required string BodyHtml { get; set; }

    public DateTime PublishAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public NewsStatus Status { get; private set; } = NewsStatus.Draft;

    public Guid? ReviewedById { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>When the audience was notified (once per item, even if it is edited later).</summary>
    public DateTime? NotifiedAt { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Whether a reader sees it now (published, inside its window).</summary>
    public bool IsLiveAt(DateTime now) => Status == NewsStatus.Published && PublishAt <= now && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Whether its author may still change it: anything but a withdrawn item.</summary>
    public bool IsEditable => Status != NewsStatus.Withdrawn;

    /// <summary>The publication window is valid: the expiry follows the publication, both within reason.</summary>
    public static string? CheckWindow(DateTime publishAt, DateTime? expiresAt, DateTime now)
    {
        if (expiresAt is { } end && end <= publishAt)
        {
            return Fr("La date de fin de publication doit être postérieure à la date de publication.");
        }

        if (expiresAt is { } past && past <= now)
        {
            return Fr("La date de fin de publication est déjà passée.");
        }

        return publishAt > now.AddYears(1) ? Fr("La date de publication doit être dans l’année qui vient.") : null;
    }

    /// <summary>Submits the item: published at once, or held for the head when the school asks for approval.</summary>
    public void Submit(bool needsApproval, DateTime now)
    {
        if (Status == NewsStatus.Withdrawn)
        {
            throw new InvalidOperationException("A withdrawn news item cannot be submitted.");
        }

        Status = needsApproval ? NewsStatus.PendingApproval : NewsStatus.Published;
        RejectionReason = null;
        UpdatedAt = now;
    }

    /// <summary>Keeps the item as a draft (a published item edited as a draft is taken down).</summary>
    public void SaveAsDraft(DateTime now)
    {
        Status = NewsStatus.Draft;
        UpdatedAt = now;
    }

    /// <summary>The head approves a pending item: it is published.</summary>
    public void Approve(Guid headId, DateTime now)
    {
        if (Status != NewsStatus.PendingApproval)
        {
            throw new InvalidOperationException("Only a pending news item can be approved.");
        }

        Status = NewsStatus.Published;
        ReviewedById = headId;
        ReviewedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The head refuses a pending item, saying why.</summary>
    public void Reject(Guid headId, string reason, DateTime now)
    {
        if (Status != NewsStatus.PendingApproval)
        {
            throw new InvalidOperationException("Only a pending news item can be rejected.");
        }

        Status = NewsStatus.Rejected;
        RejectionReason = reason;
        ReviewedById = headId;
        ReviewedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Takes the item down (author or head).</summary>
    public void Withdraw(DateTime now)
    {
        Status = NewsStatus.Withdrawn;
        UpdatedAt = now;
    }
}

/// <summary>A school's publishing choices (a row exists once the head changed a default).</summary>
internal sealed class SchoolPublishingSettings : ITerritoryOwned
{
    public Guid SchoolId { get; init; }

    public Guid TerritoryId { get; init; }

    /// <summary>Teachers' school news wait for the head's approval (the default).</summary>
    public bool NewsNeedApproval { get; set; } = true;
}
