using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Preau.FamilyServices.Households;

/// <summary>
/// The family services API's reading of JSON bodies and its errors (RFC 9457 problem details, in the
/// caller's language). Bodies are read here rather than by the framework so that a malformed or oversized
/// one gets a clear message instead of a bare 400.
/// </summary>
internal static class ApiRequests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    /// <summary>Reads a JSON body of at most <paramref name="maxBytes"/>; null with a problem otherwise.</summary>
    public static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, int maxBytes, IStringLocalizer localizer, CancellationToken cancellationToken)
        where T : class
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return (null, Problem(StatusCodes.Status413PayloadTooLarge, localizer["La requête est trop volumineuse ({0} Ko au plus).", maxBytes / 1024]));
            }
        }

        try
        {
            buffer.Position = 0;
            var body = buffer.Length == 0 ? null : JsonSerializer.Deserialize<T>(buffer, Json);
            return body is null
                ? (null, Problem(StatusCodes.Status400BadRequest, localizer["Le corps de la requête est vide."]))
                : (body, null);
        }
        catch (JsonException)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, localizer["Le corps de la requête n’est pas un JSON valide pour cette opération."]));
        }
    }

    public static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: detail);

    public static ProblemHttpResult NotFound(IStringLocalizer localizer) =>
        Problem(StatusCodes.Status404NotFound, localizer["Cette ressource n’existe pas ou ne vous est pas accessible."]);

    public static ValidationProblem Invalid(IEnumerable<FormProblem> problems, IStringLocalizer localizer) =>
        TypedResults.ValidationProblem(problems.ToErrors(localizer), title: localizer["La requête contient des erreurs."]);
}
