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
        // "!= null" before each Contains: see AgendaQueries.VisibleTo (a null-matching branch keeps PostgreSQL's
        // generic plan off the indexes).
        return news.LiveAt(now).Where(n =>
            (n.Audience == NewsAudience.Territory && signedIn)
            || (n.Audience == NewsAudience.Public && (n.SchoolId == null || schoolIds.Contains(n.SchoolId.Value)))
            || (n.Audience == NewsAudience.School && n.SchoolId != null && schoolIds.Contains(n.SchoolId.Value))
            || (n.Audience == NewsAudience.Class && ((n.ClassGroupId != null && classIds.Contains(n.ClassGroupId.Value)) || (n.SchoolId != null && staffSchoolIds.Contains(n.SchoolId.Value)))));
    }

    /// <summary>Schools asked one by one on the home page; a reader's further schools are asked together.</summary>
    private const int SchoolSlices = 4;

    /// <summary>
    /// The <paramref name="count"/> newest news the reader sees (their home page). Asked in one piece,
    /// PostgreSQL walks every live news item of the territory by date until enough pass
    /// <see cref="VisibleTo"/>: 2.6 ms for a family at département size (1,100 rows read for 3). Asked in
    /// slices, each through its own index (the town's news have no school, see <see cref="NewsRights"/>;
    /// the others belong to one of the reader's schools, or to a class of theirs in another school), it
    /// reads the reader's rows only: 0.4 ms.
    /// </summary>
    public static IQueryable<NewsItem> LatestVisibleTo(this IQueryable<NewsItem> news, Reader reader, DateTime now, int count)
    {
        var visible = news.VisibleTo(reader, now);
        if (reader.IsTerritoryAdmin)
        {
            return visible.OrderByDescending(n => n.PublishAt).Take(count);
        }

        var schoolIds = reader.SchoolIds.Concat(reader.StaffSchoolIds).Distinct().ToList();
        var classIds = reader.ClassIds.ToList();
        var ofTheTown = visible.Where(n => n.SchoolId == null);
        var ofClassesElsewhere = visible.Where(n => n.SchoolId != null && n.ClassGroupId != null && classIds.Contains(n.ClassGroupId.Value) && !schoolIds.Contains(n.SchoolId.Value));
        var slices = Newest(ofTheTown, count).Concat(Newest(ofClassesElsewhere, count));
        // A slice per school: for a list of schools, PostgreSQL's generic plan (decision 0018) walks the
        // territory's news by date; for one school it reads that school's newest from its index.
        foreach (var schoolId in schoolIds.Take(SchoolSlices))
        {
            slices = slices.Concat(Newest(visible.Where(n => n.SchoolId == schoolId), count));
        }

        if (schoolIds.Count > SchoolSlices)
        {
            var otherSchools = schoolIds.Skip(SchoolSlices).ToList();
            slices = slices.Concat(Newest(visible.Where(n => n.SchoolId != null && otherSchools.Contains(n.SchoolId.Value)), count));
        }

        return slices.OrderByDescending(n => n.PublishAt).Take(count);

        static IQueryable<NewsItem> Newest(IQueryable<NewsItem> slice, int count) => slice.OrderByDescending(n => n.PublishAt).Take(count);
    }

    /// <summary>The public news of one school: its public page and its feed.</summary>
    public static IQueryable<NewsItem> PublicOfSchool(this IQueryable<NewsItem> news, Guid schoolId, DateTime now) =>
        news.LiveAt(now).Where(n => n.Audience == NewsAudience.Public && n.SchoolId == schoolId);
}
