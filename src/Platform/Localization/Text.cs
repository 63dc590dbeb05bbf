namespace Preau.Platform.Localization;

/// <summary>Marks French texts that are translated where they are shown, not where they are written.</summary>
public static class Text
{
    /// <summary>
    /// Returns the French text unchanged. Use it for a message produced in one place and shown through
    /// IStringLocalizer in another (a rule's reason, an error code's message): the translation test
    /// finds texts by this marker, as it finds localizer calls.
    /// </summary>
    public static string Fr(string french) => french;
}
