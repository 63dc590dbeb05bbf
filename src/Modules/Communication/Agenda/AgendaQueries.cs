using Preau.Communication.Publishing;

namespace Preau.Communication.Agenda;

/// <summary>The events a reader sees, as one indexed query (agenda page, home section, API, private feed).</summary>
internal static class AgendaQueries
{
    /// <summary>Same rule as <see cref="AgendaRights.IsInAudience"/> (plus public events of the reader's schools and their own), for the database.</summary>
    public static IQueryable<AgendaEvent> VisibleTo(this IQueryable<AgendaEvent> events, Reader reader)
    {
        if (reader.IsTerritoryAdmin)
        {
            return events;
        }

        var classIds = reader.ClassIds.ToList();
        var schoolIds = reader.SchoolIds.ToList();
        var staffSchoolIds = reader.StaffSchoolIds.ToList();
        var me = reader.AccountId;
        // "!= null" before each Contains: without it EF Core adds an "or the column is null and the list holds
        // a null" branch, which keeps PostgreSQL's generic plan off the indexes (docs/decisions/0018).
        return events.Where(e =>
            e.Scope == EventScope.Territory
            || e.OrganizerId == me
            || (e.Scope == EventScope.School && e.SchoolId != null && schoolIds.Contains(e.SchoolId.Value))
            || (e.Scope == EventScope.Class && ((e.ClassGroupId != null && classIds.Contains(e.ClassGroupId.Value)) || (e.SchoolId != null && staffSchoolIds.Contains(e.SchoolId.Value)))));
    }
}
