using System.IO.Compression;
using System.Text;
using Preau.Identity.Contracts;
using Preau.Identity.Imports;

namespace Preau.UnitTests.Identity;

/// <summary>The rules a roster's values follow (docs/imports.md), the encodings and the archives it may come in.</summary>
public sealed class ImportsRulesTests
{
    [Theory]
    [InlineData("Date de naissance", "date_de_naissance")]
    [InlineData("DATE_NAISSANCE", "date_naissance")]
    [InlineData(" Prénom ", "prenom")]
    [InlineData("Responsable 1 - Nom", "responsable_1_nom")]
    [InlineData("metadata.preau.subject", "metadata_preau_subject")]
    [InlineData("agentSourcedIds", "agentsourcedids")]
    public void NormalizeHeader_CaseAccentsAndSeparators_DoNotMatter(string header, string expected) =>
        Assert.Equal(expected, RosterRules.NormalizeHeader(header));

    [Theory]
    [InlineData("jean.dupont@example.org", true)]
    [InlineData("j-d+ecole@mairie-valmont.fr", true)]
    [InlineData("jean.dupont@example", false)]
    [InlineData("jean dupont@example.org", false)]
    [InlineData("jean@@example.org", false)]
    [InlineData("@example.org", false)]
    [InlineData("Jean <jean@example.org>", false)]
    [InlineData("jean@.example.org", false)]
    public void IsValidEmail_AcceptsOnlyAddressesAMessageCanReach(string email, bool valid) =>
        Assert.Equal(valid, RosterRules.IsValidEmail(email));

    [Theory]
    [InlineData("06 12 34 56 78", "0612345678")]
    [InlineData("06.12.34.56.78", "0612345678")]
    [InlineData("+33 6 12 34 56 78", "0612345678")]
    [InlineData("0033612345678", "0612345678")]
    [InlineData("+262 262 12 34 56", "+262262123456")]
    [InlineData("612345678", null)]
    [InlineData("06 12 34 56 7A", null)]
    [InlineData("12", null)]
    public void NormalizePhone_FrenchAndInternationalForms_OneWriting(string phone, string? expected) =>
        Assert.Equal(expected, RosterRules.NormalizePhone(phone));

    [Theory]
    [InlineData("14/03/2016", 2016, 3, 14)]
    [InlineData("4/3/2016", 2016, 3, 4)]
    [InlineData("2016-03-14", 2016, 3, 14)]
    [InlineData("2016-03-14T00:00:00Z", 2016, 3, 14)]
    [InlineData("14.03.2016", 2016, 3, 14)]
    public void TryParseDate_FrenchAndIsoForms_Read(string text, int year, int month, int day)
    {
        Assert.True(RosterRules.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31/02/2016")]
    [InlineData("2016/14/03")]
    [InlineData("hier")]
    [InlineData("03/14/2016")]
    public void TryParseDate_Impossible_Refused(string text) => Assert.False(RosterRules.TryParseDate(text, out _));

    [Theory]
    [InlineData(2016, 3, 14, true)]
    [InlineData(2025, 11, 1, true)]
    [InlineData(2026, 1, 1, false)]
    [InlineData(1990, 1, 1, false)]
    [InlineData(2030, 1, 1, false)]
    public void IsPlausiblePupilBirthDate_OneToThirtyYearsOld(int year, int month, int day, bool plausible) =>
        Assert.Equal(plausible, RosterRules.IsPlausiblePupilBirthDate(new DateOnly(year, month, day), ImportsFiles.Today));

    [Theory]
    [InlineData("CM2", "CM2")]
    [InlineData("cm2", "CM2")]
    [InlineData("6ème", "6e")]
    [InlineData("Sixième", "6e")]
    [InlineData("Petite section", "PS")]
    [InlineData("KG", "GS")]
    [InlineData("01", "CP")]
    [InlineData("09", "3e")]
    [InlineData("PR", "PS")]
    [InlineData("Terminale", "Tle")]
    [InlineData("CM3", null)]
    [InlineData("UG", null)]
    public void NormalizeLevel_FrenchLabelsAndOneRosterGrades(string text, string? level) =>
        Assert.Equal(level, RosterRules.NormalizeLevel(text));

    [Theory]
    [InlineData("École maternelle Les Tilleuls", new string[0], SchoolKind.Maternelle)]
    [InlineData("ECOLE ELEMENTAIRE JAURES", new string[0], SchoolKind.Elementaire)]
    [InlineData("Collège Victor-Hugo", new string[0], SchoolKind.College)]
    [InlineData("Lycée Condorcet", new string[0], SchoolKind.Lycee)]
    [InlineData("École des Sources", new[] { "PS", "MS" }, SchoolKind.Maternelle)]
    [InlineData("École des Sources", new[] { "CP", "CM2" }, SchoolKind.Elementaire)]
    [InlineData("École des Sources", new[] { "GS", "CP" }, SchoolKind.Primaire)]
    [InlineData("Cité scolaire", new[] { "6e", "3e" }, SchoolKind.College)]
    public void InferSchoolKind_NameFirstThenLevels(string name, string[] levels, SchoolKind kind) =>
        Assert.Equal(kind, RosterRules.InferSchoolKind(name, levels));

    [Theory]
    [InlineData("Mère", GuardianRelation.Mother)]
    [InlineData("MERE", GuardianRelation.Mother)]
    [InlineData("Mme", GuardianRelation.Mother)]
    [InlineData("PERE", GuardianRelation.Father)]
    [InlineData("M.", GuardianRelation.Father)]
    [InlineData("Tuteur légal", GuardianRelation.LegalGuardian)]
    [InlineData("Autre membre de la famille", GuardianRelation.Other)]
    [InlineData("ASE", GuardianRelation.Other)]
    public void ParseRelation_LinksAndCivilities(string text, GuardianRelation relation) =>
        Assert.Equal(relation, RosterRules.ParseRelation(text));

    [Fact]
    public void ParseRelation_Unknown_IsNull() => Assert.Null(RosterRules.ParseRelation("Voisin"));

    [Theory]
    [InlineData("oui", true)]
    [InlineData("O", true)]
    [InlineData("X", true)]
    [InlineData("Non", false)]
    [InlineData("0", false)]
    [InlineData("peut-être", null)]
    public void ParseYesNo_SpreadsheetSpellings(string text, bool? value) => Assert.Equal(value, RosterRules.ParseYesNo(text));

    [Theory]
    [InlineData("1234567890A", true)]
    [InlineData("123456789AB", true)]
    [InlineData("1234567890", false)]
    [InlineData("12345678901", false)]
    [InlineData("1234567890a", false)]
    [InlineData("ABCDEFGHIJK", false)]
    public void IsValidIne_ElevenCharactersOfTheTwoNationalForms(string ine, bool valid) => Assert.Equal(valid, RosterRules.IsValidIne(ine));

    [Theory]
    [InlineData("2026-2027", 2026)]
    [InlineData("2026/2027", 2026)]
    [InlineData("2026-2028", null)]
    [InlineData("2026", null)]
    public void ParseSchoolYearLabel_ConsecutiveYears(string text, int? start) => Assert.Equal(start, RosterRules.ParseSchoolYearLabel(text));

    [Fact]
    public void FrenchGuardianKey_SameGuardianWrittenDifferently_SameKey()
    {
        var key = RosterRules.FrenchGuardianKey("Martin", "Nathalie", "nathalie.martin@example.org", null, "1234567890A");

        Assert.Equal(key, RosterRules.FrenchGuardianKey("MARTIN", "nathalie", "Nathalie.Martin@example.org", "0612345678", "1234567891B"));
        Assert.NotEqual(key, RosterRules.FrenchGuardianKey("Martin", "Nathalie", "autre@example.org", null, "1234567890A"));
        Assert.DoesNotContain("martin", key, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FrenchClassKey_SameClassOtherYear_DifferentKey() =>
        Assert.NotEqual(RosterRules.FrenchClassKey("0951235B", "2026-2027", "CM2 A"), RosterRules.FrenchClassKey("0951235B", "2027-2028", "CM2 A"));

    [Fact]
    public void Scan_Utf8WithBomAndCrlf_IsUtf8AndCountsLines()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a;b\r\nÉlodie;Zoé\r\nx;y")).ToArray();

        var (encoding, lines) = RosterText.Scan(new MemoryStream(bytes), "f.csv", CancellationToken.None);

        Assert.Equal(RosterEncoding.Utf8, encoding);
        Assert.Equal(3, lines);
    }

    [Fact]
    public void Scan_AccentSplitBetweenTwoReads_StaysUtf8()
    {
        // 64 KB reads: put the two bytes of "é" on both sides of the boundary.
        var text = new string('a', 64 * 1024 - 1) + "é\n";

        var (encoding, _) = RosterText.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)), "f.csv", CancellationToken.None);

        Assert.Equal(RosterEncoding.Utf8, encoding);
    }

    [Fact]
    public void Scan_Windows1252Accents_ReadAsWindows1252() =>
        Assert.Equal(RosterEncoding.Windows1252, RosterText.Scan(new MemoryStream(ImportsFiles.Windows1252.GetBytes("nom;prénom\nCœur;Élodie\n")), "f.csv", CancellationToken.None).Encoding);

    [Theory]
    [InlineData(new byte[] { 0x61, 0x3B, 0x00, 0x62 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 })]
    [InlineData(new byte[] { 0x61, 0x07, 0x62 })]
    public void Scan_BinaryContent_Refused(byte[] bytes)
    {
        var problem = Assert.Throws<RosterFileException>(() => RosterText.Scan(new MemoryStream(bytes), "f.csv", CancellationToken.None));

        Assert.Equal(RosterText.NotText, problem.Problem.Text);
    }

    [Fact]
    public void Scan_Utf16_RefusedWithAdvice()
    {
        var problem = Assert.Throws<RosterFileException>(() => RosterText.Scan(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a;b")).ToArray()), "f.csv", CancellationToken.None));

        Assert.Equal(RosterText.Utf16, problem.Problem.Text);
    }

    [Fact]
    public void Scan_NeitherUtf8NorWindows1252_Refused()
    {
        // 0x81 is undefined in Windows-1252 and, alone, invalid in UTF-8.
        var problem = Assert.Throws<RosterFileException>(() => RosterText.Scan(new MemoryStream([0x61, 0x81, 0x62, 0x0A]), "f.csv", CancellationToken.None));

        Assert.Equal(RosterText.UnknownEncoding, problem.Problem.Text);
    }

    [Theory]
    [InlineData("../users.csv")]
    [InlineData("export/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("\\windows\\users.csv")]
    [InlineData("C:/users.csv")]
    public void OpenArchive_PathTraversalName_Refused(string name)
    {
        var problem = Assert.Throws<RosterFileException>(() => RosterArchive.Open(new MemoryStream(ImportsFiles.Zip(new Dictionary<string, string> { [name] = "x" })), 1 << 20));

        Assert.Equal(RosterArchive.DangerousName, problem.Problem.Text);
    }

    [Fact]
    public void OpenArchive_FilesInOneFolder_FoundByName()
    {
        using var archive = RosterArchive.Open(new MemoryStream(ImportsFiles.Zip(new Dictionary<string, string> { ["export/users.csv"] = "a" })), 1 << 20);

        Assert.True(archive.Contains("users.csv"));
    }

    [Fact]
    public void ReadArchive_ZipBomb_StopsAtTheLimit()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = zip.CreateEntry("users.csv", CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(buffer.Length < 200 * 1024);
        using var archive = RosterArchive.Open(new MemoryStream(buffer.ToArray()), maxUncompressedBytes: 5 * 1024 * 1024);
        using var stream = archive.OpenEntry("users.csv");

        var problem = Assert.Throws<RosterFileException>(() => stream.CopyTo(Stream.Null));
        Assert.Equal(RosterArchive.TooLarge, problem.Problem.Text);
    }

    [Fact]
    public void OpenArchive_NotAZip_Refused()
    {
        var problem = Assert.Throws<RosterFileException>(() => RosterArchive.Open(new MemoryStream("PK\u0003\u0004 garbage, not a zip"u8.ToArray()), 1 << 20));

        Assert.Equal(RosterArchive.NotAnArchive, problem.Problem.Text);
    }

    [Fact]
    public void OpenArchive_TooManyEntries_Refused()
    {
        var files = Enumerable.Range(0, RosterArchive.MaxEntries + 1).ToDictionary(i => $"f{i}.csv", _ => "a");

        var problem = Assert.Throws<RosterFileException>(() => RosterArchive.Open(new MemoryStream(ImportsFiles.Zip(files)), 1 << 20));

        Assert.Equal(RosterArchive.TooManyEntries, problem.Problem.Text);
    }

    [Fact]
    public void AllocateLogins_Homonyms_NumberedWithoutReusingTakenOnes()
    {
        var logins = new LoginAllocator(new HashSet<string>(["lea.martin", "lea.martin3"], StringComparer.OrdinalIgnoreCase));

        Assert.Equal(["lea.martin2", "lea.martin4", "lea.martin5", "zoe.elie"],
            new[] { logins.Allocate("Léa", "Martin"), logins.Allocate("Lea", "MARTIN"), logins.Allocate("Léa", "Martin"), logins.Allocate("Zoé", "Élie") });
    }
}
