namespace Preau.FamilyServices;

/// <summary>
/// A rule's refusal, in French with its arguments, translated where it is shown
/// (<c>localizer[error.Message, error.Arguments]</c>). The field is the form field it concerns, or empty.
/// </summary>
internal sealed record RuleError(string Field, string Message, params object[] Arguments);
