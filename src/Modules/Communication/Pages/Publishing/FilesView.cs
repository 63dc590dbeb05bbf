using Preau.Communication.Publishing;

namespace Preau.Communication.Pages.Publishing;

/// <summary>The files of an item and where they are served (/fichiers/ for members, /t/{slug}/fichiers/ for the public).</summary>
internal sealed record FilesView(IReadOnlyList<PublishedFile> Files, string BaseUrl);

/// <summary>A file input of the design system (the field tag helper has no file type).</summary>
internal sealed record FileField(string Name, string Label, string Hint, string Accept, bool Multiple = true)
{
    public const string Images = "image/jpeg,image/png,image/gif,image/webp";
    public const string Documents = "application/pdf,image/jpeg,image/png,image/gif,image/webp";
}
