using Preau.FamilyServices.Services;
using Preau.FamilyServices.Tariffs;

namespace Preau.UnitTests.FamilyServices;

public sealed class TariffRulesTests
{
    private static TariffVersion Canteen(DateOnly? startsOn = null, bool publish = true)
    {
        var version = new TariffVersion
        {
            Kind = ServiceKind.Canteen,
            Label = "Cantine",
            StartsOn = startsOn ?? new DateOnly(2026, 9, 1),
            Unit = BillingUnit.PerDay,
            Brackets =
            [
                new TariffBracket { LowerBound = 0, UpperBound = 400, UnitPrice = 1.00m },
                new TariffBracket { LowerBound = 400, UpperBound = 800, UnitPrice = 2.35m },
                new TariffBracket { LowerBound = 800, UpperBound = null, UnitPrice = 4.10m },
            ],
            SecondChildReductionPercent = 10,
            FurtherChildReductionPercent = 20,
            LateMode = PenaltyMode.SurchargePercent,
            LateValue = 25,
            NoReservationMode = PenaltyMode.FixedPrice,
            NoReservationValue = 6.50m,
        };
        if (publish)
        {
            version.Publish(Guid.NewGuid(), DateTime.UnixEpoch);
        }

        return version;
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("399.99", 1)]
    [InlineData("400", 2)]
    [InlineData("799.99", 2)]
    [InlineData("800", 3)]
    [InlineData("25000", 3)]
    public void BracketOf_Quotient_LowerBoundIncludedUpperBoundExcluded(string quotient, int expected)
    {
        var bracket = TariffRules.BracketOf(Canteen().Brackets, decimal.Parse(quotient, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, bracket!.Value.Number);
    }

    [Fact]
    public void Price_QuotientAndFirstChild_IsTheBracketPriceTimesQuantity()
    {
        var line = TariffRules.Price(Canteen(), new PricingRequest(650, 1, 1));

        Assert.Equal(2.35m, line.UnitPrice);
        Assert.Equal(2.35m, line.Amount);
        Assert.Contains("tranche", line.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Price_Reduction_IsRoundedHalfAwayFromZeroBeforeSubtraction()
    {
        var version = Canteen();

        var second = TariffRules.Price(version, new PricingRequest(650, 2, 1));
        var third = TariffRules.Price(version, new PricingRequest(650, 3, 1));

        // 10 % of 2,35 = 0,235 → 0,24 (half away from zero); 2,35 − 0,24 = 2,11.
        Assert.Equal(0.24m, second.Reduction);
        Assert.Equal(2.11m, second.Amount);
        // 20 % of 2,35 = 0,47; 2,35 − 0,47 = 1,88.
        Assert.Equal(1.88m, third.Amount);
    }

    [Fact]
    public void Price_NoQuotient_TakesTheHighestBracketByDefault()
    {
        var line = TariffRules.Price(Canteen(), new PricingRequest(null, 1, 1));

        Assert.Equal(4.10m, line.Amount);
    }

    [Fact]
    public void Price_NoQuotientWithFixedDefault_TakesTheFixedPrice()
    {
        var version = Canteen();
        version.NoQuotientPricing = NoQuotientPricing.FixedPrice;
        version.NoQuotientPrice = 3.90m;

        Assert.Equal(3.90m, TariffRules.Price(version, new PricingRequest(null, 1, 1)).Amount);
    }

    [Fact]
    public void Price_LateBooking_AddsTheSurchargeOnTheBase()
    {
        var line = TariffRules.Price(Canteen(), new PricingRequest(650, 1, 1, Late: true));

        // 25 % of 2,35 = 0,5875 → 0,59.
        Assert.Equal(0.59m, line.Surcharge);
        Assert.Equal(2.94m, line.Amount);
    }

    [Fact]
    public void Price_NoReservationWithFixedPrice_ReplacesThePriceWithoutReduction()
    {
        var line = TariffRules.Price(Canteen(), new PricingRequest(650, 2, 1, Late: true, NoReservation: true));

        Assert.Equal(6.50m, line.Amount);
        Assert.Equal(0m, line.Reduction);
    }

    [Fact]
    public void Price_HoursWithDecimals_RoundsTheLineOnce()
    {
        var version = Canteen();
        version.Unit = BillingUnit.PerHour;
        version.Brackets[1].UnitPrice = 1.333m;

        var line = TariffRules.Price(version, new PricingRequest(650, 1, 1.25m));

        // 1,333 × 1,25 = 1,66625 → 1,67.
        Assert.Equal(1.67m, line.Amount);
    }

    [Fact]
    public void ToCent_Midpoints_GoAwayFromZero()
    {
        Assert.Equal(0.13m, TariffRules.ToCent(0.125m));
        Assert.Equal(-0.13m, TariffRules.ToCent(-0.125m));
        Assert.Equal(0.12m, TariffRules.ToCent(0.1249m));
    }

    [Fact]
    public void InForce_SeveralVersions_TakesTheLastStartedOnOrBeforeTheDay()
    {
        var september = Canteen(new DateOnly(2026, 9, 1));
        var january = Canteen(new DateOnly(2027, 1, 1));
        var draft = Canteen(new DateOnly(2026, 12, 1), publish: false);

        Assert.Null(TariffRules.InForce([september, january, draft], ServiceKind.Canteen, null, new DateOnly(2026, 8, 31)));
        Assert.Same(september, TariffRules.InForce([september, january, draft], ServiceKind.Canteen, null, new DateOnly(2026, 12, 31)));
        Assert.Same(january, TariffRules.InForce([september, january, draft], ServiceKind.Canteen, null, new DateOnly(2027, 1, 1)));
        Assert.Null(TariffRules.InForce([september, january], ServiceKind.EveningCare, null, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void InForce_AServicePricedApart_WinsOverItsKind()
    {
        var service = Guid.NewGuid();
        var kind = Canteen(new DateOnly(2027, 1, 1));
        var own = Canteen(new DateOnly(2026, 9, 1));
        own.ServiceId = service;

        Assert.Same(own, TariffRules.InForce([kind, own], ServiceKind.Canteen, service, new DateOnly(2027, 2, 1)));
        Assert.Same(kind, TariffRules.InForce([kind, own], ServiceKind.Canteen, Guid.NewGuid(), new DateOnly(2027, 2, 1)));
    }

    [Fact]
    public void CheckBrackets_Contiguous_HasNoError()
    {
        Assert.Empty(TariffRules.CheckBrackets(Canteen().Brackets));
    }

    [Fact]
    public void CheckBrackets_Gap_IsToldWithTheMissingQuotients()
    {
        var brackets = Canteen().Brackets;
        brackets[1].LowerBound = 450;

        var error = Assert.Single(TariffRules.CheckBrackets(brackets));

        Assert.StartsWith("Trou entre les tranches {0} et {1}", error.Message, StringComparison.Ordinal);
        Assert.Equal(["400,00", "450,00"], error.Arguments.Skip(2).Cast<string>());
    }

    [Fact]
    public void CheckBrackets_Overlap_IsTold()
    {
        var brackets = Canteen().Brackets;
        brackets[1].LowerBound = 350;

        var error = Assert.Single(TariffRules.CheckBrackets(brackets));

        Assert.Contains("se chevauchent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckBrackets_FirstNotAtZeroOrLastClosed_AreTold()
    {
        var brackets = Canteen().Brackets;
        brackets[0].LowerBound = 100;
        brackets[2].UpperBound = 5000;

        var messages = TariffRules.CheckBrackets(brackets).Select(e => e.Message).ToList();

        Assert.Contains(messages, m => m.StartsWith("La première tranche doit commencer à 0 €", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("La dernière tranche doit rester ouverte", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_NegativePriceAndReductionAbove100_AreRefused()
    {
        var version = Canteen();
        version.Brackets[0].UnitPrice = -1;
        version.SecondChildReductionPercent = 120;

        var fields = TariffRules.Check(version).Select(e => e.Field).ToList();

        Assert.Contains("Input.Brackets", fields);
        Assert.Contains("Input.SecondChildReductionPercent", fields);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1000.5")]
    [InlineData("1.255")]
    public void CheckQuantity_OutOfRangeOrTooPrecise_IsRefused(string quantity)
    {
        Assert.NotNull(TariffRules.CheckQuantity(decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), "q"));
    }
}
