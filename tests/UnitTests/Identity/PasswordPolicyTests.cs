using Preau.Identity.Passwords;

namespace Preau.UnitTests.Identity;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("la girafe mange 3 pommes")]
    [InlineData("Tr0ub4dor&3-cheval-agrafe")]
    [InlineData("ma soeur adore le préau")]
    public void Check_LongUncommonPassphrase_IsAccepted(string password) =>
        Assert.Null(PasswordPolicy.Check(password, "marie.dupont", "Marie", "Dupont"));

    [Theory]
    [InlineData("court")]
    [InlineData("12345678901")]
    public void Check_ShorterThanTwelve_IsRefusedWithTheRule(string password) =>
        Assert.StartsWith("Le mot de passe doit contenir au moins 12 caractères", PasswordPolicy.Check(password), StringComparison.Ordinal);

    [Theory]
    [InlineData("motdepasse123")]
    [InlineData("azertyuiop123")]
    [InlineData("Password123!")]
    [InlineData("abcdefghijklmnop")]
    public void Check_CommonOrSequence_IsRefused(string password) =>
        Assert.Contains("les plus courants", PasswordPolicy.Check(password), StringComparison.Ordinal);

    [Fact]
    public void Check_OnlyDigits_IsRefused() =>
        Assert.Contains("uniquement de chiffres", PasswordPolicy.Check("123456789012"), StringComparison.Ordinal);

    [Fact]
    public void Check_ContainsOwnName_IsRefused() =>
        Assert.Contains("ni votre identifiant ni votre nom", PasswordPolicy.Check("dupont et ses chats", "marie.dupont", "Marie", "Dupont"), StringComparison.Ordinal);

    [Fact]
    public void Check_RepeatedCharacters_IsRefused() =>
        Assert.Contains("répète", PasswordPolicy.Check("aaaaaaaaaaaaaaab"), StringComparison.Ordinal);

    [Fact]
    public void Check_HugePassword_IsRefused() =>
        Assert.Contains("256", PasswordPolicy.Check(new string('é', 300) + "abcd"), StringComparison.Ordinal);
}
