namespace Preau.Communication.Publishing;

/// <summary>A French message for a form field (translated by the page that shows it).</summary>
internal sealed record FieldError(string Field, string Message);
