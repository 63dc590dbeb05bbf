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

    /// <summary>Schools read one by one; a reader's further schools are read together.</summary>
    private const int SchoolSlices = 4;

    /// <summary>
    /// The news <see cref="VisibleTo"/> gives, as disjoint slices each read through its own index, with
    /// <paramref name="eachSlice"/> applied to every slice. Asked in one piece, PostgreSQL's generic plan
    /// (decision 0018) walks every live news item of the territory: for the home's three newest, 2.6 ms
    /// for a family at département size (1,100 rows read for 3). In slices — the town's news (no school,
    /// see <see cref="NewsRights"/>), each of the reader's schools, their classes in another school — it
    /// reads the reader's rows only: 0.4 ms.
    /// </summary>
    public static IQueryable<NewsItem> VisibleInSlices(this IQueryable<NewsItem> news, Reader reader, DateTime now, Func<IQueryable<NewsItem>, IQueryable<NewsItem>> eachSlice)
    {
        var visible = news.VisibleTo(reader, now);
        if (reader.IsTerritoryAdmin)
        {
            return eachSlice(visible);
        }

        var schoolIds = reader.SchoolIds.Concat(reader.StaffSchoolIds).Distinct().ToList();
        var classIds = reader.ClassIds.ToList();
        var slices = eachSlice(visible.Where(n => n.SchoolId == null))
            .Concat(eachSlice(visible.Where(n => n.SchoolId != null && n.ClassGroupId != null && classIds.Contains(n.ClassGroupId.Value) && !schoolIds.Contains(n.SchoolId.Value))));
        // One school at a time: with a list of schools, the generic plan walks the territory's news by date.
        foreach (var schoolId in schoolIds.Take(SchoolSlices))
        {
            slices = slices.Concat(eachSlice(visible.Where(n => n.SchoolId == schoolId)));
        }

        if (schoolIds.Count > SchoolSlices)
        {
            var otherSchools = schoolIds.Skip(SchoolSlices).ToList();
            slices = slices.Concat(eachSlice(visible.Where(n => n.SchoolId != null && otherSchools.Contains(n.SchoolId.Value))));
        }

        return slices;
    }

    /// <summary>The <paramref name="count"/> newest news the reader sees (their home page): the newest of each slice, then of them all.</summary>
    public static IQueryable<NewsItem> LatestVisibleTo(this IQueryable<NewsItem> news, Reader reader, DateTime now, int count) =>
        news.VisibleInSlices(reader, now, slice => slice.OrderByDescending(n => n.PublishAt).Take(count)).OrderByDescending(n => n.PublishAt).Take(count);

    /// <summary>The public news of one school: its public page and its feed.</summary>
    public static IQueryable<NewsItem> PublicOfSchool(this IQueryable<NewsItem> news, Guid schoolId, DateTime now) =>
        news.LiveAt(now).Where(n => n.Audience == NewsAudience.Public && n.SchoolId == schoolId);
}
