using Preau.Platform.Tenancy;

namespace Preau.Communication.SchoolCouncil;

/// <summary>The members the head chooses; the head and the school's teachers are members by right.</summary>
internal enum CouncilRole
{
    /// <summary>Représentant élu des parents d'élèves (a guardian of the school).</summary>
    ParentRepresentative,

    /// <summary>Le maire ou son représentant (a town account).</summary>
    TownRepresentative,

    /// <summary>L'inspecteur de l'éducation nationale (a partner account).</summary>
    Inspector,
}

/// <summary>Where a meeting's minutes are: written, approved by the head, published to families.</summary>
internal enum MinutesStatus
{
    None,
    Draft,
    Approved,
    Published,
}

/// <summary>
/// The school council (conseil d'école, Code de l'éducation art. D411-1 to D411-5) of one school for one
/// school year: at least three meetings a year, minutes shown to the families.
/// </summary>
internal sealed class SchoolCouncilSpace : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid SchoolId { get; init; }

    public Guid SchoolYearId { get; init; }

    public required string SchoolYearLabel { get; init; }

    public DateTime CreatedAt { get; init; }
}

/// <summary>A member chosen by the head.</summary>
internal sealed class CouncilMember : ITerritoryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid CouncilId { get; init; }

    public Guid AccountId { get; init; }

    public CouncilRole Role { get; init; }

    public DateTime AddedAt { get; init; }
}

/// <summary>A meeting: date, place, agenda, documents, families' questions, minutes.</summary>
internal sealed class CouncilMeeting : ITerritoryOwned
{
    public const int LocationMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid CouncilId { get; init; }

    public Guid SchoolId { get; init; }

    public DateTime StartsAt { get; set; }

    public string? Location { get; set; }

    /// <summary>Sanitised HTML.</summary>
    public string AgendaHtml { get; set; } = string.Empty;

    /// <summary>Families submit questions until then.</summary>
    public DateTime QuestionsDeadline { get; set; }

    /// <summary>Sanitised HTML.</summary>
    public string? MinutesHtml { get; private set; }

    public MinutesStatus MinutesStatus { get; private set; } = MinutesStatus.None;

    public Guid? MinutesApprovedById { get; private set; }

    public DateTime? MinutesApprovedAt { get; private set; }

    public DateTime? MinutesPublishedAt { get; private set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Families may ask until the deadline (and never after the meeting began).</summary>
    public bool AcceptsQuestionsAt(DateTime now) => now < QuestionsDeadline && now < StartsAt;

    /// <summary>Writing the minutes (again) makes them a draft: published minutes are final.</summary>
    public void WriteMinutes(string html)
    {
        if (MinutesStatus == MinutesStatus.Published)
        {
            throw new InvalidOperationException("Published minutes cannot be changed.");
        }

        MinutesHtml = html;
        MinutesStatus = MinutesStatus.Draft;
        MinutesApprovedById = null;
        MinutesApprovedAt = null;
    }

    public void ApproveMinutes(Guid headId, DateTime now)
    {
        if (MinutesStatus != MinutesStatus.Draft)
        {
            throw new InvalidOperationException("Only draft minutes can be approved.");
        }

        MinutesStatus = MinutesStatus.Approved;
        MinutesApprovedById = headId;
        MinutesApprovedAt = now;
    }

    public void PublishMinutes(DateTime now)
    {
        if (MinutesStatus != MinutesStatus.Approved)
        {
            throw new InvalidOperationException("Only approved minutes can be published.");
        }

        MinutesStatus = MinutesStatus.Published;
        MinutesPublishedAt = now;
    }
}

/// <summary>A family's question to the council, submitted before a meeting.</summary>
internal sealed class CouncilQuestion : ITerritoryOwned
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TerritoryId { get; init; }

    public Guid MeetingId { get; init; }

    public Guid AuthorId { get; init; }

    /// <summary>Plain text.</summary>
    public required string Text { get; init; }

    public DateTime SubmittedAt { get; init; }

    /// <summary>When the head put it on the meeting's agenda.</summary>
    public DateTime? AddedToAgendaAt { get; set; }
}
