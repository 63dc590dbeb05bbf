using Preau.Communication.Publishing;

namespace Preau.Communication.Agenda;

/// <summary>
/// Who sees, organises and signs up for agenda events. A class's event is for its pupils, their
/// families and the school's staff; a school's for its community; a territory's for every account;
/// public events for everyone. Teachers organise for their classes and staff for their school, the town
/// for the territory; the organiser, the school's head and the territory administrator manage an event.
/// Guardians sign up for the slots of an event their child is concerned by.
/// </summary>
internal static class AgendaRights
{
    public static readonly TargetRules Targets = new(
        (reader, classId, schoolId) => reader.Teaches(classId) || reader.Heads(schoolId),
        (reader, schoolId) => reader.Heads(schoolId) || reader.WorksIn(schoolId),
        reader => reader.IsTown);

    public static bool IsInAudience(Reader reader, AgendaEvent e) => e.Scope switch
    {
        EventScope.Territory => reader.IsSignedIn,
        EventScope.School => e.SchoolId is { } s && (reader.SchoolIds.Contains(s) || reader.IsTerritoryAdmin),
        EventScope.Class => e.ClassGroupId is { } c && (reader.ClassIds.Contains(c) || (e.SchoolId is { } s && reader.WorksIn(s)) || reader.IsTerritoryAdmin),
        _ => false,
    };

    public static bool CanManage(Reader reader, AgendaEvent e) =>
        reader.IsSignedIn && (e.OrganizerId == reader.AccountId || (e.SchoolId is { } s && reader.Heads(s)) || reader.IsTerritoryAdmin);

    public static bool CanRead(Reader reader, AgendaEvent e) => e.IsPublic || IsInAudience(reader, e) || CanManage(reader, e);

    /// <summary>The reader's children concerned by the event (those a guardian may book a slot for).</summary>
    public static IReadOnlyList<Identity.Contracts.PupilInfo> ChildrenConcerned(Reader reader, AgendaEvent e) => reader.Children
        .Where(c => e.Scope switch
        {
            EventScope.Class => c.ClassId == e.ClassGroupId,
            EventScope.School => c.SchoolId == e.SchoolId,
            _ => true,
        })
        .ToList();

    public static bool CanSignUp(Reader reader, AgendaEvent e) => ChildrenConcerned(reader, e).Count > 0;
}
