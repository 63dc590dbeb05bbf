using Preau.FamilyServices.QuotientFamilial;

namespace Preau.UnitTests.FamilyServices;

public sealed class QuotientFamilialTests
{
    [Theory]
    [InlineData(true, 0, 0, "2")]
    [InlineData(false, 1, 0, "1.5")]
    [InlineData(true, 2, 0, "3")]
    [InlineData(true, 3, 0, "4")]
    [InlineData(true, 4, 0, "5")]
    [InlineData(false, 3, 1, "3.5")]
    [InlineData(true, 2, 2, "4")]
    public void PartsFor_DefaultTable_CountsAdultsChildrenAndDisabledChildren(bool couple, int children, int disabled, string expected)
    {
        var parts = QuotientRule.Default().PartsFor(new HouseholdComposition(couple, children, disabled));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parts);
    }

    [Fact]
    public void PartsFor_EditedTable_UsesTheTownsValues()
    {
        var rule = new QuotientRule { CoupleParts = 2, SingleParentParts = 1.5m, FirstChildrenParts = 0.5m, FurtherChildParts = 0.75m, DisabledChildExtraParts = 1 };

        Assert.Equal(1.5m + 0.5m + 0.5m + 0.75m + 1m, rule.PartsFor(new HouseholdComposition(false, 3, 1)));
    }

    [Theory]
    [InlineData("2400", "3", "800.00")]
    [InlineData("1000", "3", "333.33")]
    [InlineData("2000", "3", "666.67")]
    [InlineData("0.05", "2", "0.03")]
    [InlineData("0", "2", "0.00")]
    public void Quotient_IncomeAndParts_RoundsHalfAwayFromZeroToTheCent(string income, string parts, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(decimal.Parse(expected, culture), QuotientRule.Quotient(decimal.Parse(income, culture), decimal.Parse(parts, culture)));
    }

    [Fact]
    public void Quotient_ZeroParts_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuotientRule.Quotient(1000, 0));
    }

    [Theory]
    [InlineData("-1", 1, 0, "Input.MonthlyIncome")]
    [InlineData("1000000.01", 1, 0, "Input.MonthlyIncome")]
    [InlineData("1000.001", 1, 0, "Input.MonthlyIncome")]
    [InlineData("1000", -1, 0, "Input.Children")]
    [InlineData("1000", 21, 0, "Input.Children")]
    [InlineData("1000", 1, 2, "Input.DisabledChildren")]
    public void CheckDeclaration_NegativeOrAbsurdValues_AreRefused(string income, int children, int disabled, string field)
    {
        var errors = QuotientRule.CheckDeclaration(decimal.Parse(income, System.Globalization.CultureInfo.InvariantCulture), new HouseholdComposition(true, children, disabled)).ToList();

        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void CheckDeclaration_PlausibleValues_Pass()
    {
        Assert.Empty(QuotientRule.CheckDeclaration(2400.50m, new HouseholdComposition(true, 2, 1)));
    }

    [Fact]
    public void Check_ZeroPartsForASingleParent_IsRefused()
    {
        var rule = new QuotientRule { SingleParentParts = 0 };

        Assert.Contains(rule.Check(), e => e.Field == "Input.SingleParentParts");
    }

    [Fact]
    public void Check_NegativeOrHugeParts_AreRefused()
    {
        var rule = new QuotientRule { FirstChildrenParts = -0.5m, FurtherChildParts = 11 };

        var fields = rule.Check().Select(e => e.Field).ToList();

        Assert.Contains("Input.FirstChildrenParts", fields);
        Assert.Contains("Input.FurtherChildParts", fields);
    }

    [Fact]
    public void InForce_SeveralValidatedRecords_TakesTheOneStartingLastThatCoversTheDay()
    {
        var at = new DateTime(2026, 9, 1, 8, 0, 0, DateTimeKind.Utc);
        var old = Validated(500, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), at);
        var newer = Validated(650, new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31), at.AddDays(1));
        var pending = new QuotientFamilialRecord { Amount = 100, ValidFrom = new DateOnly(2026, 10, 1), ValidUntil = new DateOnly(2027, 8, 31) };

        Assert.Equal(500, QuotientFamilialRecord.InForce([old, newer, pending], new DateOnly(2026, 8, 31))!.Amount);
        Assert.Equal(650, QuotientFamilialRecord.InForce([old, newer, pending], new DateOnly(2026, 11, 23))!.Amount);
        Assert.Null(QuotientFamilialRecord.InForce([old, newer, pending], new DateOnly(2027, 9, 1)));
    }

    [Fact]
    public void Reject_AValidatedRecord_Throws()
    {
        var record = Validated(500, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), DateTime.UnixEpoch);

        Assert.Throws<InvalidOperationException>(() => record.Reject(Guid.NewGuid(), DateTime.UnixEpoch, "non"));
    }

    [Theory]
    [InlineData("-5", "2026-01-01", "2026-12-31", "amount")]
    [InlineData("100001", "2026-01-01", "2026-12-31", "amount")]
    [InlineData("650", "2026-12-31", "2026-01-01", "until")]
    [InlineData("650", "2026-01-01", "2029-01-01", "until")]
    public void CheckAmountAndPeriod_BadValues_AreRefused(string amount, string from, string until, string field)
    {
        var errors = QuotientFamilialRecord.CheckAmountAndPeriod(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), "amount", "from", "until");

        Assert.Contains(errors, e => e.Field == field);
    }

    private static QuotientFamilialRecord Validated(decimal amount, DateOnly from, DateOnly until, DateTime at)
    {
        var record = new QuotientFamilialRecord { Amount = amount, ValidFrom = from, ValidUntil = until };
        record.Validate(Guid.NewGuid(), at);
        return record;
    }
}
