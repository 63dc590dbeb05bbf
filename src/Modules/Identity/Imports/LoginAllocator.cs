using System.Globalization;
using Preau.Identity.Demo;

namespace Preau.Identity.Imports;

/// <summary>
/// Hands out logins for the accounts an import creates, in the usual French ENT form (prenom.nom, then
/// prenom.nom2, prenom.nom3… for homonyms, as <see cref="LoginNames"/>), remembering the next number of
/// each name so that a département's thousand "lea.martin" do not each try every number before theirs.
/// </summary>
internal sealed class LoginAllocator(ISet<string> taken)
{
    private readonly Dictionary<string, int> _next = new(StringComparer.OrdinalIgnoreCase);

    public string Allocate(string firstName, string lastName)
    {
        var stem = LoginNames.Stem(firstName, lastName);
        var login = stem;
        var n = _next.GetValueOrDefault(stem, 2);
        if (taken.Contains(login))
        {
            do
            {
                login = stem + n.ToString(CultureInfo.InvariantCulture);
                n++;
            }
            while (taken.Contains(login));
        }

        _next[stem] = n;
        taken.Add(login);
        return login;
    }
}
