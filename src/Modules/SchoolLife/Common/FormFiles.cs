using Microsoft.AspNetCore.Http;

namespace Preau.SchoolLife.Common;

/// <summary>An uploaded file as use cases receive it (a seekable stream and the name the user gave).</summary>
internal sealed record UploadedFile(string FileName, Stream Content);

/// <summary>Uploads from forms, handed to use cases as <see cref="UploadedFile"/>.</summary>
internal static class FormFiles
{
    /// <summary>
    /// Copies a non-empty upload into memory (bounded by the host's request size limit and re-checked by
    /// UploadInspector) so it can be inspected by content and stored; null when no file was chosen.
    /// </summary>
    public static async Task<UploadedFile?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is not { Length: > 0 })
        {
            return null;
        }

        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return new UploadedFile(file.FileName, buffer);
    }
}

/// <summary>
/// Lets the forms of the module receive oversized text (10 MB pasted in a field) and uploads up to the
/// file limit, so that the use case answers with a French message instead of the form reader failing
/// before the page runs. The use cases bound every field themselves (RichText.MaxLength and others).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class GenerousFormLimitsAttribute : Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute
{
    public GenerousFormLimitsAttribute()
    {
        ValueLengthLimit = 16 * 1024 * 1024;
        MultipartBodyLengthLimit = 24 * 1024 * 1024;
    }
}
