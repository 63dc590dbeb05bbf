using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using static Preau.Platform.Localization.Text;

namespace Preau.Identity.Accounts;

/// <summary>ASP.NET Core Identity's error messages, in French first (and translated like every string).</summary>
internal sealed class FrenchIdentityErrors(IStringLocalizer localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), Fr("Une erreur inconnue est survenue."));

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), Fr("Le compte a été modifié entre-temps : rechargez la page et recommencez."));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), Fr("Le mot de passe actuel est incorrect."));

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), Fr("Ce lien n’est plus valable : demandez-en un nouveau."));

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), Fr("Cette identité externe est déjà liée à un autre compte."));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), Fr("L’identifiant ne peut contenir que des lettres sans accent, des chiffres et les signes . - _ @"));

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), Fr("L’adresse électronique n’est pas valide."));

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Fr("Cet identifiant est déjà utilisé."));

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), Fr("Ce compte a déjà un mot de passe."));

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), Fr("Le verrouillage n’est pas activé pour ce compte."));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Fr("Le mot de passe doit contenir au moins 12 caractères. Une phrase de plusieurs mots est facile à retenir et difficile à deviner."));

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), Fr("Ce code de secours n’est pas valable."));

    private IdentityError Error(string code, string french) => new() { Code = code, Description = localizer[french] };
}
