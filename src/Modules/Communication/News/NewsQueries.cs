using Preau.Communication.Publishing;

namespace Preau.Communication.News;

/// <summary>The news a reader sees, as one indexed query (the list page, the home section and the API share it).</summary>
internal static class NewsQueries
{
    public static IQueryable<NewsItem> LiveAt(this IQueryable<NewsItem> news, DateTime now) =>
        news.Where(n => n.Status == NewsStatus.Published && n.PublishAt <= now && (n.ExpiresAt == null || n.ExpiresAt > now));

    /// <summary>
    /// Live news in the reader's audience: territory-wide, public ones of the town or of the reader's
    /// schools, their schools' and their classes' (staff see every class of their school). Same rule as
    /// <see cref="NewsRights.IsInAudience"/>, written for the database.
    /// </summary>
    public static IQueryable<NewsItem> VisibleTo(this IQueryable<NewsItem> news, Reader reader, DateTime now)
    {
        if (reader.IsTerritoryAdmin)
        {
            return news.LiveAt(now);
        }

        var classIds = reader.ClassIds.ToList();
        var schoolIds = reader.SchoolIds.ToList();
        var staffSchoolIds = reader.StaffSchoolIds.ToList();
        var signedIn = reader.IsSignedIn;
        return news.LiveAt(now).Where(n =>
            (n.Audience == NewsAudience.Territory && signedIn)
            || (n.Audience == NewsAudience.Public && (n.SchoolId == null || schoolIds.Contains(n.SchoolId.Value)))
            || (n.Audience == NewsAudience.School && schoolIds.Contains(n.SchoolId!.Value))
            || (n.Audience == NewsAudience.Class && (classIds.Contains(n.ClassGroupId!.Value) || staffSchoolIds.Contains(n.SchoolId!.Value))));
    }

    /// <summary>The public news of one school: its public page and its feed.</summary>
    public static IQueryable<NewsItem> PublicOfSchool(this IQueryable<NewsItem> news, Guid schoolId, DateTime now) =>
        news.LiveAt(now).Where(n => n.Audience == NewsAudience.Public && n.SchoolId == schoolId);
}
