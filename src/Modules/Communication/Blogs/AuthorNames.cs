namespace Preau.Communication.Blogs;

/// <summary>
/// How an author's name is shown. A pupil's full name never appears outside the teacher's view:
/// readers see the first name and the initial of the last name ("Lucas M."), as CNIL guidance on
/// publishing minors' work recommends; adults' names are shown in full.
/// </summary>
internal static class AuthorNames
{
    public static string Display(string firstName, string lastName, bool isPupil, bool viewerSeesFullNames)
    {
        if (!isPupil || viewerSeesFullNames)
        {
            return $"{firstName} {lastName}".Trim();
        }

        var initial = lastName.Trim() is { Length: > 0 } last ? $" {char.ToUpperInvariant(last[0])}." : string.Empty;
        return firstName.Trim() + initial;
    }
}
