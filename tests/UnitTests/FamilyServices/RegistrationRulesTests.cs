using Preau.FamilyServices.Households;
using Preau.FamilyServices.Services;

namespace Preau.UnitTests.FamilyServices;

public sealed class RegistrationRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 7, 30, 0, DateTimeKind.Utc);

    private static Registration New(bool gotPlace, bool requiresApproval)
    {
        var registration = new Registration { ServiceId = Guid.NewGuid(), ChildId = Guid.NewGuid(), HouseholdId = Guid.NewGuid() };
        registration.Start(gotPlace, requiresApproval, Now);
        return registration;
    }

    [Theory]
    [InlineData(true, true, "Pending", true)]
    [InlineData(true, false, "Accepted", true)]
    [InlineData(false, true, "WaitingList", false)]
    [InlineData(false, false, "WaitingList", false)]
    public void Start_WithOrWithoutAPlace_HoldsItOrWaits(bool gotPlace, bool requiresApproval, string status, bool holdsPlace)
    {
        var registration = New(gotPlace, requiresApproval);

        Assert.Equal(Enum.Parse<RegistrationStatus>(status), registration.Status);
        Assert.Equal(holdsPlace, registration.HoldsPlace);
        Assert.True(registration.IsLive);
    }

    [Fact]
    public void MoveTo_RefusedRegistration_CannotBeAcceptedLater()
    {
        var registration = New(gotPlace: true, requiresApproval: true);
        registration.MoveTo(RegistrationStatus.Refused, Guid.NewGuid(), Now, "Dossier incomplet");

        Assert.False(registration.CanMoveTo(RegistrationStatus.Accepted));
        Assert.False(registration.IsLive);
        Assert.Throws<InvalidOperationException>(() => registration.MoveTo(RegistrationStatus.Accepted, null, Now, null));
    }

    [Fact]
    public void Promote_FromTheWaitingList_HoldsAPlace()
    {
        var registration = New(gotPlace: false, requiresApproval: true);
        Assert.Equal(Now, registration.QueuedAt);

        registration.Promote(requiresApproval: true, Now.AddDays(1));

        Assert.Equal(RegistrationStatus.Pending, registration.Status);
        Assert.True(registration.HoldsPlace);
        Assert.Null(registration.DecidedBy);
    }

    [Theory]
    [InlineData(null, 12, null)]
    [InlineData(15, 12, null)]
    [InlineData(12, 12, null)]
    [InlineData(11, 12, "La capacité ne peut pas être inférieure au nombre de places déjà occupées ({0}).")]
    public void CheckCapacity_NeverBelowThePlacesTaken(int? capacity, int taken, string? expected) =>
        Assert.Equal(expected, Service.CheckCapacity(capacity, taken));

    [Fact]
    public void CheckPeriod_DefaultsToTheRestOfTheServiceAndRefusesThePast()
    {
        var canteen = FamilyCalendar.Canteen();
        var today = new DateOnly(2026, 11, 23);

        Assert.Empty(RegisterChild.CheckPeriod(canteen, null, null, today, out var starts, out var ends));
        Assert.Equal(today, starts);
        Assert.Equal(canteen.EndsOn, ends);

        var problems = RegisterChild.CheckPeriod(canteen, new DateOnly(2026, 11, 2), new DateOnly(2027, 8, 1), today, out _, out _);
        Assert.Equal(["StartsOn", "EndsOn"], problems.Select(p => p.Field));
    }

    [Fact]
    public void Missing_RejectedDocumentsDoNotCount()
    {
        var proof = Document(DocumentKind.ProofOfAddress);
        var insurance = Document(DocumentKind.Insurance);
        insurance.Reject(Guid.NewGuid(), Now, "Illisible");

        Assert.Equal(DocumentKind.Insurance, SupportingDocument.Missing(DocumentKind.ProofOfAddress | DocumentKind.Insurance, [proof, insurance]));
        Assert.Equal(DocumentKind.None, SupportingDocument.Missing(DocumentKind.ProofOfAddress, [proof]));
    }

    private static SupportingDocument Document(DocumentKind kind) =>
        new() { HouseholdId = Guid.NewGuid(), Kind = kind, FileKey = "k", ContentType = "application/pdf", FileName = "a.pdf" };
}
