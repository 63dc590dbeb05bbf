using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using Preau.Platform.Documents;

namespace Preau.Identity.Activation;

/// <summary>
/// The activation letters as one PDF, one A4 page per letter, for printing in bulk. Built with PDFsharp
/// and the embedded DejaVu Sans, so that accents render the same on any server.
/// </summary>
internal static class ActivationLetterPdf
{
    private const string Family = PdfFonts.Family;
    private const double Margin = 56; // about 2 cm, in points.

    public static byte[] Build(LetterBatch batch, IStringLocalizer localizer)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = localizer["Lettres d’activation"];
        document.Info.Creator = "Préau";
        var title = new XFont(Family, 15, XFontStyleEx.Bold);
        var body = new XFont(Family, 11, XFontStyleEx.Regular);
        var bold = new XFont(Family, 11, XFontStyleEx.Bold);
        var code = new XFont(Family, 20, XFontStyleEx.Bold);
        var small = new XFont(Family, 9, XFontStyleEx.Regular);
        XImage? logo = null;
        using var logoStream = batch.Logo is null ? null : new MemoryStream(batch.Logo);
        if (logoStream is not null)
        {
            logo = XImage.FromStream(logoStream);
        }

        try
        {
            foreach (var letter in batch.Letters)
            {
                var page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                using var graphics = XGraphics.FromPdfPage(page);
                var text = new XTextFormatter(graphics);
                var width = page.Width.Point - (2 * Margin);
                var y = Margin;
                if (logo is not null)
                {
                    var height = 50.0;
                    var logoWidth = Math.Min(160, logo.PixelWidth * height / Math.Max(1, logo.PixelHeight));
                    graphics.DrawImage(logo, Margin, y, logoWidth, height);
                    y += height + 12;
                }

                graphics.DrawString(batch.TerritoryName, bold, XBrushes.Black, new XRect(Margin, y, width, 16), XStringFormats.TopLeft);
                y += 36;
                graphics.DrawString(letter.Name, bold, XBrushes.Black, new XRect(Margin, y, width, 16), XStringFormats.TopLeft);
                y += 30;
                graphics.DrawString(localizer["Votre compte Préau"], title, XBrushes.Black, new XRect(Margin, y, width, 20), XStringFormats.TopLeft);
                y += 30;
                var introduction = localizer["{0} vous ouvre un compte sur Préau, l’espace numérique de l’école, des familles et de la ville.", batch.TerritoryName].Value;
                if (letter.Children.Count > 0)
                {
                    introduction += "\n" + localizer["Il vous permet de suivre : {0}.", string.Join(", ", letter.Children)].Value;
                }

                y = Paragraph(text, introduction, body, y, width, 70);
                y = Paragraph(text, localizer["Pour l’activer, rendez-vous à l’adresse ci-dessous, saisissez votre identifiant et votre code d’activation, puis choisissez votre mot de passe."], body, y, width, 50);

                var box = new XRect(Margin, y, width, 150);
                graphics.DrawRectangle(new XPen(XColors.Black, 1.5), box);
                var line = y + 14;
                foreach (var (label, value, font) in new[]
                {
                    (localizer["Adresse"].Value, batch.ActivationUrl, bold),
                    (localizer["Identifiant"].Value, letter.Login, code),
                    (localizer["Code d’activation"].Value, letter.Code, code),
                })
                {
                    graphics.DrawString(label, small, XBrushes.Black, new XRect(Margin + 14, line, width - 28, 12), XStringFormats.TopLeft);
                    graphics.DrawString(value, font, XBrushes.Black, new XRect(Margin + 14, line + 12, width - 28, 26), XStringFormats.TopLeft);
                    line += 44;
                }

                y += 165;
                y = Paragraph(text, localizer["Ce code est valable jusqu’au {0} et ne sert qu’une fois. Gardez cette lettre pour vous : elle donne accès à votre compte. Une nouvelle lettre annule la précédente.", letter.ExpiresAt.ToString("d", CultureInfo.CurrentCulture)], body, y, width, 50);
                Paragraph(text, localizer["En cas de difficulté, adressez-vous à l’école ou au service éducation de la mairie."], small, y, width, 30);
            }
        }
        finally
        {
            logo?.Dispose();
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static double Paragraph(XTextFormatter text, string content, XFont font, double y, double width, double height)
    {
        text.DrawString(content, font, XBrushes.Black, new XRect(Margin, y, width, height), XStringFormats.TopLeft);
        return y + height;
    }
}
