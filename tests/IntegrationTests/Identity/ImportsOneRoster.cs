using System.IO.Compression;
using System.Text;

namespace Preau.IntegrationTests.Identity;

/// <summary>
/// A small OneRoster 1.2 set for a test territory's schools A and B: pupils p1 and p2 (siblings, mother g1,
/// father g2) in "CM2 OneRoster" of A, pupil p3 (guardian g3) in "6e OneRoster" of B, teacher t1 in A, teacher
/// t2 of mathematics in B, head h1 of A.
/// </summary>
internal static class ImportsOneRoster
{
    public static Dictionary<string, string> Files(string uaiA, string uaiB) => new()
    {
        ["manifest.csv"] = Lines("propertyName,value", "manifest.version,1.0", "oneroster.version,1.2", "file.orgs,bulk", "file.academicSessions,bulk",
            "file.classes,bulk", "file.users,bulk", "file.roles,bulk", "file.demographics,bulk", "file.enrollments,bulk"),
        ["orgs.csv"] = Lines("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
            "district,active,,Ville,district,,", $"org-a,active,,École élémentaire Jean-Jaurès,school,{uaiA},district", $"org-b,active,,Collège Victor-Hugo,school,{uaiB},district"),
        ["academicSessions.csv"] = Lines("sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
            "y2026,active,,2026-2027,schoolYear,2026-09-01,2027-07-04,,2027"),
        ["classes.csv"] = Lines("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
            "c-cm2,active,,CM2 OneRoster,05,k,,homeroom,,org-a,y2026,,,", "c-6e,active,,6e OneRoster,06,k,,homeroom,,org-b,y2026,,,"),
        ["users.csv"] = Lines("sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
            "p1,active,,true,p1,,Lucas,Roster,,,,,,g2,,,,,,,,,", "p2,active,,true,p2,,Léa,Roster,,,,,,,,,,,,,,,", "p3,active,,true,p3,,Inès,Roster,,,,,,g3,,,,,,,,,",
            "g1,active,,true,g1,,Nathalie,Roster,,,nathalie.roster@example.org,,,\"p1,p2\",,,,,,,,,", "g2,active,,true,g2,,Paul,Roster,,,,,,,,,,,,,,,",
            "g3,active,,true,g3,,Sarah,Roster,,,,,,,,,,,,,,,", "t1,active,,true,t1,,Julie,Roster,,,,,,,,,,,,,,,", "t2,active,,true,t2,,Thomas,Roster,,,,,,,,,,,,,,,",
            "h1,active,,true,h1,,Karim,Roster,,,,,,,,,,,,,,,"),
        ["roles.csv"] = Lines("sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
            "r1,active,,p1,primary,student,,,org-a,", "r2,active,,p2,primary,student,,,org-a,", "r3,active,,p3,primary,student,,,org-b,",
            "r4,active,,g1,primary,parent,,,district,", "r5,active,,g2,primary,parent,,,district,", "r6,active,,g3,primary,guardian,,,org-b,",
            "r7,active,,t1,primary,teacher,,,org-a,", "r8,active,,t2,primary,teacher,,,org-b,", "r9,active,,h1,primary,principal,,,org-a,"),
        ["demographics.csv"] = Lines("sourcedId,status,dateLastModified,birthDate,sex", "p1,active,,2016-03-14,male", "p2,active,,2016-09-02,female", "g1,active,,,female", "g2,active,,,male"),
        ["enrollments.csv"] = Lines("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate,metadata.preau.subject",
            "e1,active,,c-cm2,org-a,p1,student,false,,,", "e2,active,,c-cm2,org-a,p2,student,false,,,", "e3,active,,c-6e,org-b,p3,student,false,,,",
            "e4,active,,c-cm2,org-a,t1,teacher,true,,,", "e5,active,,c-6e,org-b,t2,teacher,true,,,Mathématiques"),
    };

    public static byte[] Zip(IReadOnlyDictionary<string, string> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(new UTF8Encoding(false).GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}
