namespace Preau.Identity.Structures;

/// <summary>
/// A LIKE pattern for "contains", lower-cased (compared with lower(column)) and with the wildcards of
/// what people typed escaped, so that "50%" or "a_b" search for themselves. Escape character: \.
/// </summary>
internal static class SearchPattern
{
    public const string Escape = "\\";

    public static string Contains(string typed) =>
        "%" + typed.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
