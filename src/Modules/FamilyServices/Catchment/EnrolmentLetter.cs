using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using Preau.Platform.Documents;
using static Preau.Platform.Localization.Text;

namespace Preau.FamilyServices.Catchment;

/// <summary>What the decision letter says, composed once for its HTML page and its PDF.</summary>
/// <param name="Territory">The town ("Ville de Valmont").</param>
/// <param name="Reference">The request's reference.</param>
/// <param name="Date">The decision's date, in the territory's calendar.</param>
/// <param name="Recipient">The guardian's name.</param>
/// <param name="Address">The family's address lines.</param>
/// <param name="Subject">The letter's subject.</param>
/// <param name="Paragraphs">Its body.</param>
/// <param name="Signature">"Le service éducation" or "Le cabinet du maire".</param>
internal sealed record LetterContent(string Territory, string Reference, DateOnly Date, string Recipient, IReadOnlyList<string> Address, string Subject, IReadOnlyList<string> Paragraphs, string Signature);

/// <summary>
/// The decision letter of an enrolment request (issue #5, item 8), written in French: the mayor's
/// decision is an administrative act the family keeps, so its text does not follow the reader's language.
/// The PDF embeds DejaVu Sans (Bitstream Vera licence), so it renders the same on every server.
/// </summary>
internal static class EnrolmentLetter
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static LetterContent Compose(EnrolmentRequest request, string territory, string guardian, string? decidedSchool, string? assignedSchool, DateOnly date)
    {
        var paragraphs = new List<string>
        {
            string.Format(French, "Madame, Monsieur,"),
            string.Format(French, "Vous avez demandé le {0} l’inscription de {1}, né(e) le {2}, en {3} pour l’année scolaire {4}-{5} ({6}).",
                request.SubmittedAt.ToString("d MMMM yyyy", French), request.ChildName, request.ChildBirthDate.ToString("d MMMM yyyy", French),
                EnrolmentNames.Of(request.Grade), request.SchoolYearStart.Year, request.SchoolYearStart.Year + 1, EnrolmentNames.Of(request.Reason).ToLower(French)),
        };
        if (request.IsDerogation)
        {
            paragraphs.Add(string.Format(French, "Votre adresse relève de {0} ; vous avez demandé une dérogation pour le motif suivant : « {1} ».",
                assignedSchool ?? "aucune école du périmètre scolaire", request.DerogationReasonLabel));
        }

        if (request.Status == EnrolmentStatus.Accepted)
        {
            paragraphs.Add(string.Format(French, "J’ai le plaisir de vous informer que votre enfant est inscrit(e) à l’école {0}.", decidedSchool));
            paragraphs.Add("Pour finaliser l’admission, prenez rendez-vous avec la direction de l’école, muni(e) de ce certificat d’inscription, du carnet de santé de l’enfant et d’un justificatif de domicile (Code de l’éducation, article L131-6).");
        }
        else
        {
            paragraphs.Add("Après examen, votre demande ne peut pas être acceptée, pour le motif suivant :");
            paragraphs.Add("« " + request.DecisionReason + " »");
            paragraphs.Add("Vous pouvez former un recours gracieux auprès du maire, ou un recours contentieux devant le tribunal administratif, dans un délai de deux mois à compter de la réception de ce courrier.");
        }

        paragraphs.Add("Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.");
        return new LetterContent(
            territory,
            request.Reference,
            date,
            guardian,
            [request.HouseNumber + " " + request.Street, request.PostalCode + " " + request.City],
            request.Status == EnrolmentStatus.Accepted ? Fr("Certificat d’inscription scolaire") : Fr("Décision sur votre demande d’inscription scolaire"),
            paragraphs,
            request.DecidedAs ?? Fr("Le service éducation"));
    }

    /// <summary>The letter as an A4 PDF.</summary>
    public static byte[] Pdf(LetterContent letter)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = letter.Subject + " " + letter.Reference;
        document.Info.Creator = "Préau";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var regular = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Regular);
            var bold = new XFont(PdfFonts.Family, 12, XFontStyleEx.Bold);
            var margin = XUnit.FromCentimeter(2.2).Point;
            var width = page.Width.Point - (2 * margin);
            var y = margin;
            graphics.DrawString(letter.Territory, bold, XBrushes.Black, new XPoint(margin, y));
            y += 16;
            graphics.DrawString(string.Format(French, "Référence : {0}", letter.Reference), regular, XBrushes.Black, new XPoint(margin, y));
            y += 40;
            var right = margin + (width / 2);
            foreach (var line in new[] { letter.Recipient }.Concat(letter.Address))
            {
                graphics.DrawString(line, regular, XBrushes.Black, new XPoint(right, y));
                y += 14;
            }

            y += 20;
            graphics.DrawString(string.Format(French, "{0}, le {1}", letter.Territory.Replace("Ville de ", string.Empty, StringComparison.Ordinal), letter.Date.ToString("d MMMM yyyy", French)), regular, XBrushes.Black, new XPoint(right, y));
            y += 30;
            graphics.DrawString(string.Format(French, "Objet : {0}", letter.Subject), bold, XBrushes.Black, new XPoint(margin, y));
            y += 24;
            var formatter = new XTextFormatter(graphics);
            foreach (var paragraph in letter.Paragraphs)
            {
                var lines = Math.Max(1, (int)Math.Ceiling(graphics.MeasureString(paragraph, regular).Width / width) + 1);
                var height = lines * 14;
                formatter.DrawString(paragraph, regular, XBrushes.Black, new XRect(margin, y, width, height), XStringFormats.TopLeft);
                y += height + 6;
            }

            y += 20;
            graphics.DrawString(letter.Signature, bold, XBrushes.Black, new XPoint(right, y));
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
