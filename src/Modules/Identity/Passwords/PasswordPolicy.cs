using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Preau.Identity.Accounts;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Passwords;

/// <summary>
/// Password rules after the ANSSI guidance on authentication (2021): length rather than forced
/// complexity, no known or guessable password (checked against a list of common passwords and the
/// account's own names), no arbitrary expiry. Composition rules of Identity are turned off.
/// </summary>
internal sealed class PasswordPolicy(IStringLocalizer localizer) : IPasswordValidator<Account>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var problem = Check(password ?? string.Empty, user.UserName, user.FirstName, user.LastName);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = localizer[problem] }));
    }

    /// <summary>The French reason a password is refused, or null when it is acceptable.</summary>
    public static string? Check(string password, params string?[] personalWords)
    {
        if (password.Length < MinimumLength)
        {
            return Fr("Le mot de passe doit contenir au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.");
        }

        if (password.Length > MaximumLength)
        {
            return Fr("Le mot de passe ne doit pas dépasser 256 caractères.");
        }

        if (password.Distinct().Count() < 4)
        {
            return Fr("Le mot de passe répète trop les mêmes caractères.");
        }

        if (password.All(char.IsAsciiDigit))
        {
            return Fr("Un mot de passe composé uniquement de chiffres est trop facile à deviner.");
        }

        var lower = password.ToLowerInvariant();
        var core = lower.Trim(' ', '!', '?', '.', '*', '#', '@', '$', '-', '_', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        if (Common.Value.Contains(lower) || (core.Length >= 4 && Common.Value.Contains(core)) || IsSequence(lower))
        {
            return Fr("Ce mot de passe fait partie des mots de passe les plus courants : choisissez-en un autre.");
        }

        foreach (var word in personalWords)
        {
            if (word is { Length: >= 3 } && lower.Contains(word.ToLowerInvariant(), StringComparison.Ordinal))
            {
                return Fr("Le mot de passe ne doit contenir ni votre identifiant ni votre nom.");
            }
        }

        return null;
    }

    private static bool IsSequence(string password)
    {
        var steps = password.Zip(password.Skip(1), (a, b) => b - a).Distinct().ToList();
        return steps.Count == 1 && Math.Abs(steps[0]) <= 1;
    }

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Preau.Identity.Passwords.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
