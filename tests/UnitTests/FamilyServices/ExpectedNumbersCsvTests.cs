using System.Text;
using Preau.FamilyServices;
using Preau.FamilyServices.Reservations;
using Preau.FamilyServices.Services;
using Preau.Identity.Contracts;

namespace Preau.UnitTests.FamilyServices;

public sealed class ExpectedNumbersCsvTests
{
    [Fact]
    public void ToCsv_FrenchSpreadsheet_SemicolonsBomAndNoFormula()
    {
        var school = new SchoolInfo(Guid.NewGuid(), "0951235K", "=HYPERLINK(\"x\"); école", SchoolKind.Elementaire, "Valmont", true);
        var allergies = Allergens.All.ToDictionary(a => a.Allergen, a => a.Allergen == Allergen.Peanuts ? 2 : 0);
        var numbers = new[] { new ServiceNumbers(Guid.NewGuid(), "Cantine", ServiceKind.Canteen, school, 120, 3, 0, 0, 0, 4, allergies) };

        var bytes = ExpectedNumbers.ToCsv(new DateOnly(2026, 11, 24), numbers, s => s);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split(Environment.NewLine);
        Assert.StartsWith("Date;UAI;École;Service;Attendus;Liste d’attente;Présents;Présents sans réservation;Absents;PAI;Gluten;", lines[0], StringComparison.Ordinal);
        Assert.Equal("2026-11-24;0951235K;\"'=HYPERLINK(\"\"x\"\"); école\";Cantine;120;3;0;0;0;4;0;0;0;0;2;0;0;0;0;0;0;0;0;0", lines[1]);
    }
}
