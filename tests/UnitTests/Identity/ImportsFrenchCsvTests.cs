using System.Text;
using Preau.Identity.Contracts;
using Preau.Identity.Imports;
using Preau.Platform.Authorization;
using static Preau.UnitTests.Identity.ImportsFiles;

namespace Preau.UnitTests.Identity;

/// <summary>Préau's French CSV (docs/imports.md): one line per pupil with up to two guardians.</summary>
public sealed class ImportsFrenchCsvTests
{
    [Fact]
    public void Read_SemicolonsCrlf_PupilsClassesAndSharedGuardians()
    {
        var (roster, issues) = ReadFrench(FrenchCsv());

        Assert.Equal(0, issues.Count);
        Assert.Equal(["1234567890A", "1234567891B"], roster.People.Where(p => p.Profiles == Profile.Pupil).Select(p => p.Key));
        Assert.Equal(new DateOnly(2016, 3, 14), Person(roster, "1234567890A").BirthDate);
        Assert.Equal(["CE1", "CM2 A"], roster.Classes.Select(c => c.Name).Order());
        Assert.All(roster.Classes, c => Assert.Equal("2026-2027", c.YearLabel));
        var guardians = roster.People.Where(p => p.Profiles == Profile.Guardian).ToList();
        Assert.Equal(2, guardians.Count);
        var mother = guardians.Single(g => g.FirstName == "Nathalie");
        Assert.Equal("0612345678", mother.Phone);
        // The siblings' mother is one person with two links.
        Assert.Equal(2, roster.Links.Count(l => roster.People[l.Guardian] == mother));
        Assert.Contains(roster.Links, l => roster.People[l.Guardian].FirstName == "Paul" && l.Relation == GuardianRelation.Father && l.HasParentalAuthority);
    }

    [Fact]
    public void Read_CommasQuotesAndLineBreakInAField_Read()
    {
        // An extra column (ignored) holds a quoted comment over two lines: the next line's number counts it.
        var csv = "uai,classe,nom,prenom,date_naissance,ine,observations\n"
            + "0951235B,\"CM2, groupe A\",Martin,Lucas,2016-03-14,1234567890A,\"Allergie aux arachides,\nPAI signé\"\n"
            + "0951235B,\"CM2, groupe A\",Martin,Léa,2016-13-02,1234567891B,\n";

        var (roster, issues) = ReadFrench(csv);

        Assert.Equal("CM2, groupe A", roster.Classes.Single().Name);
        Assert.Equal("Lucas", roster.People.Single().FirstName);
        Assert.Equal((4, "date_naissance"), (issues.Listed.Single().Line, issues.Listed.Single().Column));
    }

    [Fact]
    public void Read_Windows1252FromExcel_AccentsRead()
    {
        var (roster, issues) = ReadFrench(FrenchCsv(), encoding: Windows1252);

        Assert.Equal(0, issues.Count);
        Assert.Equal("Léa", Person(roster, "1234567891B").FirstName);
        Assert.Contains(roster.People, p => p.FirstName == "Nathalie" && p.LastName == "Martin");
    }

    [Fact]
    public void Read_Utf8WithBom_HeaderRecognised()
    {
        var (roster, issues) = ReadFrench(Encoding.UTF8.GetPreamble().Concat(new UTF8Encoding(false).GetBytes(FrenchCsv())).ToArray());

        Assert.Equal(0, issues.Count);
        Assert.Equal(4, roster.People.Count);
    }

    [Fact]
    public void Read_OtherHeaderSpellingsAndColumnOrder_Recognised()
    {
        var csv = "Prénom;Nom de famille;Date de naissance;Code UAI;Division;INE;Responsable 1 Nom;Responsable 1 Prénom;Responsable 1 Lien\n"
            + "Lucas;Martin;14/03/2016;0951235B;CM2 A;1234567890A;Martin;Nathalie;MERE\n";

        var (roster, issues) = ReadFrench(csv);

        Assert.Equal(0, issues.Count);
        Assert.Equal("Lucas", Person(roster, "1234567890A").FirstName);
        Assert.Equal(GuardianRelation.Mother, roster.Links.Single().Relation);
    }

    [Fact]
    public void Read_MissingRequiredColumns_FileRefusedListingThem()
    {
        var problem = Assert.Throws<RosterFileException>(() => ReadFrench("uai;classe;nom\n0951235B;CM2;Martin\n"));

        Assert.Equal(CsvTable.MissingColumns, problem.Problem.Text);
        Assert.Equal("prenom, date_naissance, ine", problem.Problem.Args[1]);
    }

    [Fact]
    public void Read_HeaderOnly_NothingRejected()
    {
        var (roster, issues) = ReadFrench(FrenchHeader + "\r\n");

        Assert.Empty(roster.People);
        Assert.Equal(0, issues.Count);
    }

    [Fact]
    public void Read_EmptyText_FileRefused()
    {
        var problem = Assert.Throws<RosterFileException>(() => ReadFrench("\n\n"));

        Assert.Equal(CsvTable.Empty, problem.Problem.Text);
    }

    [Theory]
    [InlineData("0951235X;CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;;;;;;;;;;;;", "uai", "« {0} » n’est pas un code UAI valide (7 chiffres et une lettre de contrôle).", "0951235X")]
    [InlineData("0750655E;CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;;;;;;;;;;;;", "uai", "L’établissement « {0} » n’existe pas dans le territoire : créez-le d’abord.", "0750655E")]
    [InlineData("0950001K;CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;;;;;;;;;;;;", "uai", "L’établissement « {0} » est désactivé dans Préau.", "0950001K")]
    [InlineData("0951235B;CM2 A;CM2;Dupont;Jean;31/02/2016;1234567892C;;;;;;;;;;;;", "date_naissance", "Date invalide : écrivez-la JJ/MM/AAAA ou AAAA-MM-JJ.", null)]
    [InlineData("0951235B;CM2 A;CM2;Dupont;Jean;01/01/1950;1234567892C;;;;;;;;;;;;", "date_naissance", "Date de naissance hors limites pour un élève.", null)]
    [InlineData("0951235B;CM2 A;CM3;Dupont;Jean;01/01/2016;1234567892C;;;;;;;;;;;;", "niveau", "Niveau inconnu « {0} » (TPS, PS, MS, GS, CP, CE1, CE2, CM1, CM2, 6e, 5e, 4e, 3e, 2de, 1re, Tle).", "CM3")]
    [InlineData("0951235B;CM2 A;CM2;Dupont;Jean;01/01/2016;12345;;;;;;;;;;;;", "ine", "Identifiant national élève (INE) invalide : 11 caractères, 10 chiffres et une lettre ou 9 chiffres et deux lettres.", null)]
    [InlineData("0951235B;CM2 A;CM2;;Jean;01/01/2016;1234567892C;;;;;;;;;;;;", "nom", "Valeur obligatoire manquante.", null)]
    [InlineData("0951235B;CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;Mère;Dupont;Anne;anne.dupont@;;;;;;;;", "resp1_courriel", "Adresse électronique invalide.", null)]
    [InlineData("0951235B;CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;Mère;Dupont;Anne;;06 12;;;;;;;", "resp1_telephone", "Numéro de téléphone invalide.", null)]
    [InlineData("0951235B;CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;Voisine;Dupont;Anne;;;;;;;;;", "resp1_lien", "Lien inconnu « {0} » (Mère, Père, Tuteur, Autre, ou la civilité Mme, M.).", "Voisine")]
    [InlineData("0951235B;CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;;;;;;;Père;;Marc;;;", "resp2_nom", "Responsable incomplet : le nom et le prénom sont obligatoires.", null)]
    [InlineData("0951235B;CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;Mère;Dupont;Anne;;;peut-être;;;;;;", "resp1_autorite_parentale", "Valeur « {0} » invalide : écrivez oui ou non.", "peut-être")]
    public void Read_InvalidLine_RejectedWithItsLineColumnAndReason(string line, string column, string reason, string? value)
    {
        var (roster, issues) = ReadFrench(FrenchCsv(line));

        var issue = Assert.Single(issues.Listed);
        Assert.Equal(("eleves.csv", 4, column, reason, value), (issue.File, issue.Line, issue.Column, issue.Reason, issue.Value));
        Assert.Equal(4, roster.People.Count);
    }

    [Fact]
    public void Read_SamePupilTwice_SecondLineRejectedPointingAtTheFirst()
    {
        var (roster, issues) = ReadFrench(FrenchCsv("0951235B;CM1;CM1;Martin;Lucas;14/03/2016;1234567890A;;;;;;;;;;;;"));

        var issue = Assert.Single(issues.Listed);
        Assert.Equal((4, "ine", FrenchCsvReader.DuplicatePupil, "2"), (issue.Line, issue.Column, issue.Reason, issue.Value));
        Assert.Equal("CM2 A", roster.Classes[roster.Enrolments.Single(e => roster.People[e.Pupil].Key == "1234567890A").Class].Name);
    }

    [Fact]
    public void Read_HeadOfSchoolB_LinesOfSchoolARejected()
    {
        var (roster, issues) = ReadFrench(FrenchCsv("0951236C;6e A;6e;Durand;Inès;05/05/2015;1234567892C;;;;;;;;;;;;"), restrictedTo: SchoolB.Id);

        Assert.Equal([2, 3], issues.Listed.Select(i => i.Line));
        Assert.All(issues.Listed, i => Assert.Equal(RosterIssues.OutOfScope, i.Reason));
        Assert.Equal("1234567892C", roster.People.Single().Key);
    }

    [Fact]
    public void Read_UnclosedQuote_LineReportedFileNotFatal()
    {
        var (roster, issues) = ReadFrench(FrenchCsv("0951235B;\"CM2 A;CM2;Dupont;Jean;01/01/2016;1234567892C;;;;;;;;;;;;"));

        Assert.Equal(RosterIssues.MalformedLine, Assert.Single(issues.Listed).Reason);
        Assert.Equal(4, roster.People.Count);
    }

    [Fact]
    public void Read_RejectedPupil_StillMentioned()
    {
        var (roster, _) = ReadFrench(FrenchCsv("0951235B;CM2 A;CM2;Dupont;Jean;31/02/2016;1234567892C;;;;;;;;;;;;"));

        Assert.DoesNotContain("1234567892C", roster.PersonByKey.Keys);
        Assert.Contains("1234567892C", roster.MentionedKeys);
    }

    [Fact]
    public void Read_SchoolYearColumn_ClassesOfThatYear()
    {
        var csv = "uai;classe;nom;prenom;date_naissance;ine;annee_scolaire\n0951235B;CM2 A;Martin;Lucas;14/03/2016;1234567890A;2027-2028\n";

        var (roster, _) = ReadFrench(csv);

        Assert.Equal("2027-2028", roster.Classes.Single().YearLabel);
        Assert.Equal(new DateOnly(2027, 9, 1), roster.Years["2027-2028"].StartsOn);
    }

    [Fact]
    public void Read_GarbageText_MissingColumnsNotAThousandRejections()
    {
        var garbage = string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"zx{i};qw;{i * 7}"));

        var problem = Assert.Throws<RosterFileException>(() => ReadFrench(garbage));

        Assert.Equal(CsvTable.MissingColumns, problem.Problem.Text);
    }
}
