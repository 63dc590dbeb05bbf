using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Identity.Data;
using Preau.Platform.Authorization;

namespace Preau.Identity.Imports;

/// <summary>The state and report of an import, for an integration (a school administration tool pushing its roster every night).</summary>
/// <param name="Id">The run.</param>
/// <param name="FileName">The uploaded file's name.</param>
/// <param name="Format">OneRoster or FrenchCsv.</param>
/// <param name="Status">Analysing, Analysed, Applying, Applied, Failed or Abandoned.</param>
/// <param name="SchoolUai">The school it is restricted to, or null for the whole territory.</param>
/// <param name="CreatedAt">When it was uploaded (UTC).</param>
/// <param name="AppliedAt">When it was applied (UTC).</param>
/// <param name="Processed">Lines read (or changes written while applying) so far.</param>
/// <param name="Total">Lines to read (or changes to write).</param>
/// <param name="LinesRead">Data lines read.</param>
/// <param name="LinesRejected">Lines rejected or partly ignored (listed at /rejections).</param>
/// <param name="Problems">Why the file could not be read or applied, in the request's language.</param>
/// <param name="Notices">What deserves attention, in the request's language.</param>
/// <param name="Changes">Per kind of data: created, updated, deactivated (or ended), unchanged.</param>
public sealed record ImportResponse(
    Guid Id,
    string FileName,
    string Format,
    string Status,
    string? SchoolUai,
    DateTime CreatedAt,
    DateTime? AppliedAt,
    int Processed,
    int Total,
    int LinesRead,
    int LinesRejected,
    IReadOnlyList<string> Problems,
    IReadOnlyList<string> Notices,
    IReadOnlyDictionary<string, ImportChangeResponse> Changes);

/// <summary>Counts of one kind of data.</summary>
public sealed record ImportChangeResponse(int Created, int Updated, int Deactivated, int Unchanged);

/// <summary>A rejected line: file, line (header is 1), column, reason in the request's language.</summary>
public sealed record ImportRejectionResponse(string File, int Line, string? Column, string Reason);

/// <summary>A page of rejected lines.</summary>
public sealed record ImportRejectionsResponse(int Page, int PageCount, int Total, IReadOnlyList<ImportRejectionResponse> Items);

/// <summary>
/// /api/v1/imports: the same use cases as the pages, for integrations. The file is the request body
/// (Content-Type application/zip, text/csv or application/octet-stream; name in Content-Disposition or
/// ?fileName=), never a form, so a cross-site page cannot post one. Errors are RFC 9457 problem details in
/// the request's language; an import that is not the caller's is not found.
/// </summary>
internal static class ImportsApi
{
    private static readonly string[] AcceptedTypes = ["application/zip", "application/x-zip-compressed", "text/csv", "application/octet-stream"];

    public static void Map(IEndpointRouteBuilder api)
    {
        // Signed in for the runs (whose handler answers "not found" to anyone else, as the pages do); the
        // import right to upload.
        var imports = api.MapGroup("/imports").RequireAuthorization(Policies.SignedIn).WithTags("Imports");
        imports.MapPost("/", StartAsync).RequireAuthorization(IdentityPermissions.ImportRosters).WithName("StartImport").WithSummary("Dépose une base élèves (corps de la requête) et lance son analyse.");
        imports.MapGet("/{id:guid}", GetAsync).WithName("GetImport").WithSummary("État et rapport d’un import.");
        imports.MapGet("/{id:guid}/rejections", RejectionsAsync).WithName("GetImportRejections").WithSummary("Lignes rejetées d’un import, 50 par page.");
        imports.MapPost("/{id:guid}/apply", ApplyAsync).WithName("ApplyImport").WithSummary("Applique un import analysé, en une transaction.");
    }

    private static async Task<Results<Accepted<ImportResponse>, ProblemHttpResult>> StartAsync(
        HttpContext http, ClaimsPrincipal user, [FromQuery] string? school, [FromQuery] string? fileName,
        StartImport start, IdentityDbContext db, IAuthorizationService authorization, IOptions<ImportOptions> options, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var contentType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is null || !AcceptedTypes.Contains(contentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, localizer["Envoyez le fichier comme corps de la requête, en application/zip, text/csv ou application/octet-stream."]);
        }

        Guid? schoolId = null;
        if (!string.IsNullOrWhiteSpace(school))
        {
            var uai = school.Trim().ToUpperInvariant();
            schoolId = await db.Schools.Where(s => s.Uai == uai && s.IsActive).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(school) && (schoolId is null || !await authorization.CanAsync(user, new ImportTarget(schoolId), ResourceAuthorization.Manage)))
        {
            // Another territory's school, or one the head does not head: not found, as on the upload page.
            return Problem(StatusCodes.Status404NotFound, localizer["Aucun établissement actif du territoire n’a ce code UAI, ou vous ne pouvez pas y importer."]);
        }

        if (schoolId is null && !await authorization.CanAsync(user, new ImportTarget(null), ResourceAuthorization.Manage))
        {
            return Problem(StatusCodes.Status403Forbidden, localizer["Précisez l’établissement (paramètre school : son code UAI) : vous ne pouvez importer que dans les établissements que vous dirigez."]);
        }

        var limit = options.Value.MaxUploadBytes;
        if (http.Request.ContentLength > limit)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, localizer["Le fichier dépasse la taille maximale de {0} Mo.", limit / (1024 * 1024)]);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + 1;
        }

        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (file.Length + read > limit)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, localizer["Le fichier dépasse la taille maximale de {0} Mo.", limit / (1024 * 1024)]);
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        file.Position = 0;
        var name = fileName ?? (ContentDispositionHeaderValue.TryParse(http.Request.Headers.ContentDisposition, out var disposition) ? (disposition.FileNameStar ?? disposition.FileName)?.Trim('"') : null) ?? "import";
        var result = await start.StartAsync(user.RequiredAccountId(), file, name, schoolId, cancellationToken);
        if (result.Error is not null)
        {
            return Problem(StatusCodes.Status400BadRequest, result.Error);
        }

        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == result.RunId, cancellationToken);
        return TypedResults.Accepted($"/api/v1/imports/{run.Id}", await ResponseAsync(run, db, localizer, cancellationToken));
    }

    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, IdentityDbContext db, IAuthorizationService authorization, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || !await authorization.CanAsync(user, run, ResourceAuthorization.Read))
        {
            return NotFound(localizer);
        }

        return TypedResults.Ok(await ResponseAsync(run, db, localizer, cancellationToken));
    }

    private static async Task<Results<Ok<ImportRejectionsResponse>, ProblemHttpResult>> RejectionsAsync(Guid id, [FromQuery] int? page, ClaimsPrincipal user, IdentityDbContext db, ListImports imports, IAuthorizationService authorization, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || !await authorization.CanAsync(user, run, ResourceAuthorization.Read))
        {
            return NotFound(localizer);
        }

        var rejections = await imports.RejectionsAsync(id, page ?? 1, cancellationToken);
        return TypedResults.Ok(new ImportRejectionsResponse(rejections.Page, rejections.PageCount, rejections.Total,
            rejections.Items.Select(r => new ImportRejectionResponse(r.File, r.Line, r.Column, localizer[r.Reason, r.Value ?? string.Empty])).ToList()));
    }

    private static async Task<Results<Accepted<ImportResponse>, ProblemHttpResult>> ApplyAsync(Guid id, ClaimsPrincipal user, IdentityDbContext db, ApplyImport apply, IAuthorizationService authorization, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null || !await authorization.CanAsync(user, run, ResourceAuthorization.Manage))
        {
            return NotFound(localizer);
        }

        if (!await apply.ApplyAsync(id, user.RequiredAccountId(), cancellationToken))
        {
            return Problem(StatusCodes.Status409Conflict, localizer["Cet import n’est plus prêt à être appliqué (il l’a peut-être déjà été) : voici son état actuel."]);
        }

        var queued = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        return TypedResults.Accepted($"/api/v1/imports/{id}", await ResponseAsync(queued, db, localizer, cancellationToken));
    }

    private static async Task<ImportResponse> ResponseAsync(ImportRun run, IdentityDbContext db, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var report = ImportReport.FromJson(run.ReportJson);
        var uai = run.SchoolId is null ? null : await db.Schools.Where(s => s.Id == run.SchoolId).Select(s => s.Uai).FirstOrDefaultAsync(cancellationToken);
        return new ImportResponse(run.Id, run.FileName, run.Format.ToString(), run.Status.ToString(), uai, run.CreatedAt, run.AppliedAt,
            run.ProcessedLines, run.TotalLines, report.LinesRead, report.LinesRejected,
            report.Problems.Select(p => localizer[p.Text, [.. p.Args]].Value).ToList(),
            report.Notices.Select(n => localizer[n.Text, [.. n.Args]].Value).ToList(),
            report.Changes.OrderBy(c => c.Key).ToDictionary(c => c.Key.ToString(), c => new ImportChangeResponse(c.Value.Created, c.Value.Updated, c.Value.Deactivated, c.Value.Unchanged)));
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: detail);

    /// <summary>Not found, as an RFC 9457 problem (application/problem+json), like every other error here.</summary>
    private static ProblemHttpResult NotFound(IStringLocalizer localizer) =>
        Problem(StatusCodes.Status404NotFound, localizer["Cet import n’existe pas ou ne vous est pas accessible."]);
}
