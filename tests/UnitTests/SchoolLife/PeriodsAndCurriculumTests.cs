using Preau.Identity.Contracts;
using Preau.SchoolLife.Assessments;
using Preau.SchoolLife.Settings;

namespace Preau.UnitTests.SchoolLife;

public sealed class PeriodsAndCurriculumTests
{
    private static readonly SchoolYearInfo Year = new(Guid.NewGuid(), "2026-2027", new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 3));

    [Fact]
    public void Trimesters_EndOnThirtiethNovemberAndLastDayOfFebruary()
    {
        var periods = SchoolPeriods.Of(Year, PeriodKind.Trimesters);

        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2027, 2, 28), new DateOnly(2027, 7, 3)], periods.Select(p => p.EndsOn));
        Assert.Equal(new DateOnly(2027, 3, 1), periods[2].StartsOn);
        Assert.Equal(2, SchoolPeriods.Current(periods, new DateOnly(2027, 1, 15)).Number);
    }

    [Fact]
    public void Semesters_SplitOnFirstFebruary()
    {
        var periods = SchoolPeriods.Of(Year, PeriodKind.Semesters);

        Assert.Equal(2, periods.Count);
        Assert.Equal(new DateOnly(2027, 2, 1), periods[1].StartsOn);
        Assert.Equal(2, SchoolPeriods.Current(periods, new DateOnly(2027, 8, 20)).Number);
    }

    [Theory]
    [InlineData("PS", 1)]
    [InlineData("GS", 1)]
    [InlineData("CP", 2)]
    [InlineData("CE2", 2)]
    [InlineData("CM2", 3)]
    [InlineData("6e", 3)]
    [InlineData("5e", null)]
    [InlineData(null, null)]
    public void Cycles_OfLevel(string? level, int? cycle) => Assert.Equal(cycle, Cycles.Of(level));

    [Fact]
    public void SplitLine_QuotedFieldsWithSemicolonsAndDoubledQuotes()
    {
        Assert.Equal(["2", "Français; oral", "C2-1", "Dire \"bonjour\""], ImportCurriculum.SplitLine("2;\"Français; oral\";C2-1;\"Dire \"\"bonjour\"\"\""));
        Assert.Equal(["1", "a", "", "b"], ImportCurriculum.SplitLine(" 1 ; a ;; b "));
    }

    [Fact]
    public void DefaultCurriculum_EveryLineHasFourFieldsAndUniqueCodesForTheThreeCycles()
    {
        using var reader = new StreamReader(ImportCurriculum.OpenDefault());
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(ImportCurriculum.SplitLine).ToList();

        Assert.All(lines, l => Assert.Equal(4, l.Count));
        Assert.Equal(lines.Count, lines.Select(l => l[2]).Distinct().Count());
        Assert.Equal(["1", "2", "3"], lines.Select(l => l[0]).Distinct().Order());
    }
}
