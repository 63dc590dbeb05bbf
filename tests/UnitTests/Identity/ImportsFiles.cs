using System.IO.Compression;
using System.Text;
using Preau.Identity.Imports;

namespace Preau.UnitTests.Identity;

/// <summary>Roster files for the import tests: a small French CSV and a small OneRoster set, read as the import reads them.</summary>
internal static class ImportsFiles
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static readonly ScopeSchool SchoolA = new(Guid.CreateVersion7(), "0951235B", "org-a", "École élémentaire Jean-Jaurès", true);
    public static readonly ScopeSchool SchoolB = new(Guid.CreateVersion7(), "0951236C", "org-b", "Collège Victor-Hugo", true);
    public static readonly ScopeSchool Closed = new(Guid.CreateVersion7(), "0950001K", null, "École fermée", false);

    public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static RosterScope Scope(Guid? restrictedTo = null) => new([SchoolA, SchoolB, Closed], restrictedTo, Today);

    public const string FrenchHeader = "uai;classe;niveau;nom;prenom;date_naissance;ine;resp1_lien;resp1_nom;resp1_prenom;resp1_courriel;resp1_telephone;resp1_autorite_parentale;resp2_lien;resp2_nom;resp2_prenom;resp2_courriel;resp2_telephone;resp2_autorite_parentale";

    /// <summary>Two siblings in school A sharing their mother; one of them also has a father.</summary>
    public static string FrenchCsv(params string[] extraLines) => string.Join("\r\n",
    [
        FrenchHeader,
        "0951235B;CM2 A;CM2;Martin;Lucas;14/03/2016;1234567890A;Mère;Martin;Nathalie;nathalie.martin@example.org;06 12 34 56 78;oui;Père;Martin;Paul;;07 11 22 33 44;oui",
        "0951235B;CE1;CE1;Martin;Léa;02/10/2019;1234567891B;Mère;Martin;Nathalie;nathalie.martin@example.org;06 12 34 56 78;oui;;;;;;",
        .. extraLines,
    ]) + "\r\n";

    public static (Roster Roster, RosterIssues Issues) ReadFrench(string csv, Guid? restrictedTo = null, Encoding? encoding = null) =>
        ReadFrench((encoding ?? new UTF8Encoding(false)).GetBytes(csv), restrictedTo);

    public static (Roster Roster, RosterIssues Issues) ReadFrench(byte[] bytes, Guid? restrictedTo = null)
    {
        var issues = new RosterIssues(1000);
        using var stream = new MemoryStream(bytes);
        var (encoding, _) = RosterText.Scan(stream, "eleves.csv", CancellationToken.None);
        stream.Position = 0;
        var roster = new FrenchCsvReader(Scope(restrictedTo), issues, new ImportProgress()).Read(stream, "eleves.csv", encoding, CancellationToken.None);
        return (roster, issues);
    }

    /// <summary>
    /// A OneRoster 1.2 set: schools A and B; in A the class "CM2 A" (homeroom) with pupils p1 and p2, siblings
    /// whose mother g1 lists them as agents and whose father g2 is listed by p1; in B the division "6e A" with
    /// pupil p3 (guardian g3); a teacher t1 in A (CM2 A), a teacher t2 in B teaching maths in 6e A, a head h1 of A.
    /// </summary>
    public static Dictionary<string, string> OneRosterFiles() => new()
    {
        ["manifest.csv"] = Lines("propertyName,value", "manifest.version,1.0", "oneroster.version,1.2", "file.orgs,bulk", "file.academicSessions,bulk",
            "file.classes,bulk", "file.users,bulk", "file.roles,bulk", "file.demographics,bulk", "file.enrollments,bulk", "file.courses,absent"),
        ["orgs.csv"] = Lines("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
            "district,active,,Ville de Valmont,district,,",
            "org-a,active,,École élémentaire Jean-Jaurès,school,0951235B,district",
            "org-b,active,,Collège Victor-Hugo,school,0951236C,district"),
        ["academicSessions.csv"] = Lines("sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear",
            "y2026,active,,2026-2027,schoolYear,2026-09-01,2027-07-04,,2027",
            "t1,active,,Trimestre 1,term,2026-09-01,2026-11-30,y2026,2027"),
        ["classes.csv"] = Lines("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
            "c-cm2a,active,,CM2 A,05,course-cm2,,homeroom,,org-a,t1,,,",
            "c-6a,active,,6e A,06,course-6e,,homeroom,,org-b,\"t1,y2026\",,,"),
        ["users.csv"] = Lines("sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
            "p1,active,,true,p1,,Lucas,Martin,,,,,,g2,,,,,,,,,",
            "p2,active,,true,p2,,Léa,Martin,,,,,,,,,,,,,,,",
            "p3,active,,true,p3,,Inès,Durand,,,,,,g3,,,,,,,,,",
            "g1,active,,true,g1,,Nathalie,Martin,,,nathalie.martin@example.org,,06 12 34 56 78,\"p1,p2\",,,,,,,,,",
            "g2,active,,true,g2,,Paul,Martin,,,,,,,,,,,,,,,",
            "g3,active,,true,g3,,Sarah,Durand,,,sarah.durand@example.org,,,,,,,,,,,,",
            "t1,active,,true,t1,,Julie,Fontaine,,,julie.fontaine@example.org,,,,,,,,,,,,",
            "t2,active,,true,t2,,Thomas,Girard,,,,,,,,,,,,,,,",
            "h1,active,,true,h1,,Karim,Benali,,,,,,,,,,,,,,,"),
        ["roles.csv"] = Lines("sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
            "r1,active,,p1,primary,student,,,org-a,", "r2,active,,p2,primary,student,,,org-a,", "r3,active,,p3,primary,student,,,org-b,",
            "r4,active,,g1,primary,parent,,,district,", "r5,active,,g2,primary,parent,,,district,", "r6,active,,g3,primary,guardian,,,org-b,",
            "r7,active,,t1,primary,teacher,,,org-a,", "r8,active,,t2,primary,teacher,,,org-b,", "r9,active,,h1,primary,principal,,,org-a,"),
        ["demographics.csv"] = Lines("sourcedId,status,dateLastModified,birthDate,sex",
            "p1,active,,2016-03-14,male", "p2,active,,2016-09-02,female", "p3,active,,2015-05-05,female", "g1,active,,,female", "g2,active,,,male"),
        ["enrollments.csv"] = Lines("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate,metadata.preau.subject",
            "e1,active,,c-cm2a,org-a,p1,student,false,,,", "e2,active,,c-cm2a,org-a,p2,student,false,,,", "e3,active,,c-6a,org-b,p3,student,false,,,",
            "e4,active,,c-cm2a,org-a,t1,teacher,true,,,", "e5,active,,c-6a,org-b,t2,teacher,true,,,Mathématiques"),
    };

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static byte[] Zip(IReadOnlyDictionary<string, string> files, Encoding? encoding = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write((encoding ?? new UTF8Encoding(false)).GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a OneRoster set as the import does (table of contents, encodings, then the files).</summary>
    public static (Roster Roster, RosterIssues Issues) ReadOneRoster(byte[] zip, Guid? restrictedTo = null, long maxUncompressed = 1L << 30)
    {
        var issues = new RosterIssues(1000);
        using var stream = new MemoryStream(zip);
        using var archive = RosterArchive.Open(stream, maxUncompressed);
        var encodings = new Dictionary<string, RosterEncoding>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in OneRosterReader.DataFiles.Prepend(OneRosterReader.ManifestFile).Where(archive.Contains))
        {
            using var entry = archive.OpenEntry(name);
            encodings[name] = RosterText.Scan(entry, name, CancellationToken.None).Encoding;
        }

        var roster = new OneRosterReader(Scope(restrictedTo), issues, new ImportProgress()).Read(archive, encodings, CancellationToken.None);
        return (roster, issues);
    }

    public static (Roster Roster, RosterIssues Issues) ReadOneRoster(Dictionary<string, string> files, Guid? restrictedTo = null) => ReadOneRoster(Zip(files), restrictedTo);

    public static RosterPerson Person(Roster roster, string key) => roster.People[roster.PersonByKey[key]];

    public static string Describe(RosterIssues issues) => string.Join("\n", issues.Listed.Select(i => $"{i.File}:{i.Line} [{i.Column}] {i.Reason} ({i.Value})"));
}
