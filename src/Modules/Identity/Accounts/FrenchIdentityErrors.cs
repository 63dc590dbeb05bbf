using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Preau.Identity.Accounts;

/// <summary>ASP.NET Core Identity's error messages, in French first (and translated like every string).</summary>
internal sealed class FrenchIdentityErrors(IStringLocalizer localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Une erreur inconnue est survenue.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Le compte a été modifié entre-temps : rechargez la page et recommencez.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Le mot de passe actuel est incorrect.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Ce lien n’est plus valable : demandez-en un nouveau.");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Cette identité externe est déjà liée à un autre compte.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "L’identifiant ne peut contenir que des lettres sans accent, des chiffres et les signes . - _ @");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "L’adresse électronique n’est pas valide.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Cet identifiant est déjà utilisé.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Le verrouillage n’est pas activé pour ce compte.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Le mot de passe doit contenir au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Ce code de secours n’est pas valable.");

    private IdentityError Error(string code, string french) => new() { Code = code, Description = localizer[french] };
}
