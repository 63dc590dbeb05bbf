using Preau.Communication.Publishing;
using Preau.Platform.Authorization;

namespace Preau.Communication.News;

/// <summary>
/// Who reads, publishes, approves and manages news. A guardian sees the news of their children's
/// classes and schools, the territory's and public ones; a teacher publishes for their classes and
/// (with the head's approval when the school asks for it) for their school; a head approves and
/// manages their school's; the town publishes for the territory. Nobody edits another's item except
/// the head of its school (its moderator) and the territory administrator.
/// </summary>
internal static class NewsRights
{
    public static readonly TargetRules Targets = new(CanPublishForClass, CanPublishForSchool, CanPublishForTown);

    /// <summary>The audiences that fit where an item comes from.</summary>
    public static IReadOnlyList<NewsAudience> AudiencesFor(Target target) => target.ClassGroupId is not null
        ? [NewsAudience.Class]
        : target.SchoolId is not null ? [NewsAudience.School, NewsAudience.Public] : [NewsAudience.Territory, NewsAudience.Public];

    public static bool CanPublishForClass(Reader reader, Guid classGroupId, Guid schoolId) =>
        reader.Teaches(classGroupId) || reader.Heads(schoolId) || reader.IsTerritoryAdmin;

    public static bool CanPublishForSchool(Reader reader, Guid schoolId) =>
        reader.Heads(schoolId) || reader.Relations.WorksIn(schoolId, Profile.Teacher) || reader.TeachesIn(schoolId) || reader.IsTerritoryAdmin;

    public static bool CanPublishForTown(Reader reader) => reader.IsTown;

    /// <summary>A teacher's school news waits for the head when the school asks for it; class news and the head's own do not.</summary>
    public static bool NeedsApproval(Reader author, NewsItem item, bool schoolRequiresApproval) =>
        schoolRequiresApproval
        && item.ClassGroupId is null
        && item.SchoolId is { } schoolId
        && !author.Heads(schoolId)
        && !author.IsTerritoryAdmin
        && !author.IsTown;

    public static bool IsInAudience(Reader reader, NewsItem item) => item.Audience switch
    {
        NewsAudience.Public => true,
        NewsAudience.Territory => reader.IsSignedIn,
        NewsAudience.School => item.SchoolId is { } school && (reader.SchoolIds.Contains(school) || reader.IsTerritoryAdmin),
        NewsAudience.Class => item.ClassGroupId is { } group && (reader.ClassIds.Contains(group) || (item.SchoolId is { } s && reader.WorksIn(s)) || reader.IsTerritoryAdmin),
        _ => false,
    };

    public static bool CanManage(Reader reader, NewsItem item) =>
        reader.IsSignedIn && (item.AuthorId == reader.AccountId || (item.SchoolId is { } school && reader.Heads(school)) || reader.IsTerritoryAdmin);

    public static bool CanApprove(Reader reader, NewsItem item) => item.SchoolId is { } school && reader.Heads(school);

    public static bool CanRead(Reader reader, NewsItem item, DateTime now) =>
        CanManage(reader, item) || (item.IsLiveAt(now) && IsInAudience(reader, item));
}
