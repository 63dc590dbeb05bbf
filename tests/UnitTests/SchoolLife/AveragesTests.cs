using Preau.SchoolLife.Assessments;

namespace Preau.UnitTests.SchoolLife;

/// <summary>docs/assessments.md, "Rounding": what counts, weights, and two decimals half up.</summary>
public sealed class AveragesTests
{
    private static WeightedMark Graded(decimal value, decimal scale = 20, decimal coefficient = 1) => new(MarkStatus.Graded, value, scale, coefficient);

    [Fact]
    public void SubjectAverage_CoefficientsAndScales_WeightsMarksBroughtToTwenty()
    {
        // 15/20 × 2 and 7.5/10 (= 15/20) × 1, plus 4/5 (= 16/20) × 0.5: (30 + 15 + 8) / 3.5
        var average = Averages.SubjectAverage([Graded(15, coefficient: 2), Graded(7.5m, 10), Graded(4, 5, 0.5m)]);

        Assert.Equal(53m / 3.5m, average);
        Assert.Equal(15.14m, Averages.Round(average!.Value));
    }

    [Fact]
    public void SubjectAverage_AbsentExemptAndNotGraded_AreLeftOutOfBothSums()
    {
        var average = Averages.SubjectAverage([
            Graded(12),
            new WeightedMark(MarkStatus.Absent, null, 20, 5),
            new WeightedMark(MarkStatus.Exempt, null, 20, 5),
            new WeightedMark(MarkStatus.NotGraded, 0, 20, 5),
        ]);

        Assert.Equal(12m, average);
    }

    [Fact]
    public void SubjectAverage_NothingCounts_IsNull() =>
        Assert.Null(Averages.SubjectAverage([new WeightedMark(MarkStatus.Absent, null, 20, 1)]));

    [Theory]
    [InlineData("12.345", "12.35")]
    [InlineData("12.344", "12.34")]
    [InlineData("9.995", "10.00")]
    [InlineData("0.005", "0.01")]
    [InlineData("20", "20.00")]
    public void Round_TwoDecimalsHalfUp(string value, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Averages.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void GeneralAverage_SubjectsWeighTheSame_AndMissingSubjectsAreIgnored() =>
        Assert.Equal(13m, Averages.GeneralAverage([10m, null, 16m]));

    [Fact]
    public void Spread_OverPupilsWithAnAverage_GivesMinMaxAndMean()
    {
        var spread = Averages.Spread([8m, null, 12m, 16m]);

        Assert.Equal(new ClassSpread(8m, 16m, 12m), spread);
        Assert.Null(Averages.Spread([null, null]));
    }

    [Theory]
    [InlineData("-0.5", "20", "Une note ne peut pas être négative.")]
    [InlineData("20.25", "20", "Une note ne peut pas dépasser le barème.")]
    [InlineData("12.125", "20", "Une note a au plus deux décimales.")]
    [InlineData("10", "10", null)]
    [InlineData("0", "20", null)]
    public void CheckValue_RangeAndPrecision(string value, string scale, string? error) =>
        Assert.Equal(error, Averages.CheckValue(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(scale, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("12,5", true, "12.5")]
    [InlineData("12.5", true, "12.5")]
    [InlineData("douze", false, "0")]
    [InlineData("1e3", false, "0")]
    public void TryParseMark_FrenchOrEnglishDecimals(string text, bool parsed, string expected)
    {
        Assert.Equal(parsed, RecordMarks.TryParseMark(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }
}
