using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Preau.FamilyServices.Invoicing;

/// <summary>What the town asks the bank: a payment of an amount (in cents) under a transaction id, in a territory.</summary>
internal sealed record PaymentRequest(string Territory, string TransactionId, long AmountInCents);

/// <summary>
/// What the bank answers, on the family's return (browser redirect) and in its server-to-server
/// notification: the transaction, the amount, the outcome ("paye" or "refuse") and the signature of all four.
/// </summary>
internal sealed record GatewayMessage(string Territory, string TransactionId, long AmountInCents, string Outcome, string Signature)
{
    public const string Paid = "paye";
    public const string Refused = "refuse";
}

/// <summary>
/// An online payment service (PayFiP-like: the family is sent to the bank's page, comes back with a signed
/// answer, and the bank notifies the town server to server). A real seam: the test gateway below, a
/// PayFiP or payment-provider implementation in production.
/// </summary>
internal interface IPaymentGateway
{
    /// <summary>The bank's page where the family pays.</summary>
    string PaymentPageUrl(PaymentRequest request);

    /// <summary>Whether a return or notification was signed by the bank, for exactly these values.</summary>
    bool IsAuthentic(GatewayMessage message);
}

/// <summary>The test gateway's secret (configuration "FamilyServices:Payments:TestGatewaySecret").</summary>
internal sealed class PaymentGatewayOptions
{
    public const string Section = "FamilyServices:Payments";

    /// <summary>The HMAC key shared with the (simulated) bank; when empty, a key is generated at start (one process only).</summary>
    public string? TestGatewaySecret { get; set; }
}

/// <summary>
/// A gateway that behaves like the public online payment services, for development, demos and tests: its
/// "bank page" is <c>/paiement-test</c> in the app itself; the request and the answers are signed with
/// HMAC-SHA256 and compared in constant time.
/// </summary>
internal sealed class TestPaymentGateway : IPaymentGateway
{
    public const string PagePath = "/paiement-test";

    private readonly byte[] _key;

    public TestPaymentGateway(Microsoft.Extensions.Options.IOptions<PaymentGatewayOptions> options)
    {
        var secret = options.Value.TestGatewaySecret;
        _key = string.IsNullOrEmpty(secret) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(secret);
    }

    public string PaymentPageUrl(PaymentRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"{PagePath}?territoire={Uri.EscapeDataString(request.Territory)}&transaction={Uri.EscapeDataString(request.TransactionId)}&montant={request.AmountInCents}&signature={SignRequest(request)}");

    public bool IsAuthentic(GatewayMessage message) => Matches(Sign(message with { Signature = string.Empty }), message.Signature);

    /// <summary>The bank checks that the request came from the town.</summary>
    public bool IsAuthentic(PaymentRequest request, string? signature) => Matches(SignRequest(request), signature);

    /// <summary>The bank signs its answer.</summary>
    public string Sign(GatewayMessage message) =>
        Hmac(string.Create(CultureInfo.InvariantCulture, $"answer|{message.Territory}|{message.TransactionId}|{message.AmountInCents}|{message.Outcome}"));

    private string SignRequest(PaymentRequest request) =>
        Hmac(string.Create(CultureInfo.InvariantCulture, $"request|{request.Territory}|{request.TransactionId}|{request.AmountInCents}"));

    private string Hmac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    private static bool Matches(string expected, string? actual) =>
        actual is { Length: 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
}
