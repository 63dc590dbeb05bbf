using Preau.Communication.Publishing;
using Preau.Platform.Authorization;

namespace Preau.Communication.SchoolCouncil;

/// <summary>
/// Who sees what of a school council. Members (the head and teachers of the school by right, the
/// parents' representatives, the town's representative and the inspector chosen by the head) see the
/// whole space; families of the school see the meetings, their agenda and the published minutes, and
/// ask questions; the head manages members, meetings, and approves and publishes the minutes.
/// </summary>
internal static class CouncilRights
{
    public static bool Manages(Reader reader, Guid schoolId) => reader.Heads(schoolId);

    public static bool IsMember(Reader reader, Guid schoolId, bool chosenMember) =>
        reader.Heads(schoolId) || reader.Relations.WorksIn(schoolId, Profile.Teacher | Profile.Head) || reader.TeachesIn(schoolId) || chosenMember;

    public static bool IsFamily(Reader reader, Guid schoolId) => reader.HasChildInSchool(schoolId);

    public static bool CanSee(Reader reader, Guid schoolId, bool chosenMember) => IsMember(reader, schoolId, chosenMember) || IsFamily(reader, schoolId);

    /// <summary>The head, and teachers as secretaries of the meeting, write the minutes.</summary>
    public static bool CanWriteMinutes(Reader reader, Guid schoolId) =>
        reader.Heads(schoolId) || reader.Relations.WorksIn(schoolId, Profile.Teacher) || reader.TeachesIn(schoolId);

    public static bool CanAsk(Reader reader, Guid schoolId) => IsFamily(reader, schoolId);
}
