namespace Preau.SchoolLife.Common;

/// <summary>A French message about one field of a form (already translated), or about the whole form when the field is empty.</summary>
internal sealed record FieldError(string Field, string Message);

/// <summary>
/// What a use case answers to pages and API alike: done (with a value), not found (the resource is not
/// the user's: 404, never 403), or refused with French messages per field (the form is redisplayed).
/// </summary>
internal sealed class Outcome<T>
{
    private Outcome(T? value, bool notFound, IReadOnlyList<FieldError> errors)
    {
        Value = value;
        IsNotFound = notFound;
        Errors = errors;
    }

    public T? Value { get; }

    public bool IsNotFound { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool Succeeded => !IsNotFound && Errors.Count == 0;

    public static Outcome<T> Success(T value) => new(value, false, []);

    public static Outcome<T> NotFound() => new(default, true, []);

    public static Outcome<T> Invalid(string field, string message) => new(default, false, [new FieldError(field, message)]);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(default, false, errors);
}
