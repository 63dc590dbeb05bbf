using PdfSharp.Fonts;

namespace Preau.Platform.Documents;

/// <summary>
/// The fonts of every PDF Préau prints (activation letters, enrolment letters…): DejaVu Sans, regular and
/// bold, from this assembly's resources, since servers and containers have no system font. PDFsharp holds one
/// process-wide resolver that must not change once used, so every module registers this same one.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    /// <summary>The family name to give XFont.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<byte[]> Regular = new(() => Load("DejaVuSans"));
    private static readonly Lazy<byte[]> Bold = new(() => Load("DejaVuSans-Bold"));
    private static readonly Lock Gate = new();

    private PdfFonts()
    {
    }

    /// <summary>Registers the resolver before the first document (idempotent, thread-safe).</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new PdfFonts();
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: italic);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName) => faceName == "DejaVuSans-Bold" ? Bold.Value : Regular.Value;

    private static byte[] Load(string face)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Preau.Platform.Documents.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font {face} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
