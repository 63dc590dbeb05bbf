using Microsoft.AspNetCore.DataProtection;
using Preau.SchoolLife.LiaisonNotebook;

namespace Preau.UnitTests.SchoolLife;

/// <summary>The signed links of acknowledgement e-mails: single purpose, bound to one note and one guardian, expiring.</summary>
public sealed class AcknowledgementLinksTests
{
    private static readonly EphemeralDataProtectionProvider Protection = new();
    private static readonly AcknowledgementGrant Grant = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void Read_ItsOwnToken_GivesBackTheGrant()
    {
        var links = new AcknowledgementLinks(Protection, new FixedClock());

        Assert.Equal(Grant, links.Read(links.TokenFor(Grant)));
        Assert.StartsWith("/carnet/accuser-reception?jeton=", links.LinkFor(Grant), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AfterTheLifetime_IsNull()
    {
        var clock = new FixedClock();
        var links = new AcknowledgementLinks(Protection, clock);
        var token = links.TokenFor(Grant);

        clock.Now += AcknowledgementLinks.Lifetime + TimeSpan.FromSeconds(1);

        Assert.Null(links.Read(token));
    }

    [Fact]
    public void Read_TamperedForeignOrEmptyToken_IsNull()
    {
        var links = new AcknowledgementLinks(Protection, new FixedClock());
        var token = links.TokenFor(Grant);
        var otherPurpose = Protection.CreateProtector("Preau.Identity.PasswordReset").ToTimeLimitedDataProtector()
            .Protect($"{Grant.TerritoryId:N}|{Grant.NoteId:N}|{Grant.GuardianId:N}", TimeProvider.System.GetUtcNow().AddDays(1));
        var otherKeys = new AcknowledgementLinks(new EphemeralDataProtectionProvider(), new FixedClock()).TokenFor(Grant);

        Assert.Null(links.Read(token[..^3] + (token[^3] == 'A' ? "BBB" : "AAA")));
        Assert.Null(links.Read(otherPurpose));
        Assert.Null(links.Read(otherKeys));
        Assert.Null(links.Read(string.Empty));
        Assert.Null(links.Read(null));
        Assert.Null(links.Read(new string('A', 5_000)));
    }
}

/// <summary>A clock the test moves (the unit tests do not depend on the testing package of the integration tests).</summary>
internal sealed class FixedClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => Now;
}
