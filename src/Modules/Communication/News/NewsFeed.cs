using System.Globalization;
using System.Text;
using System.Xml;

namespace Preau.Communication.News;

/// <summary>An entry of a school's news feed.</summary>
internal sealed record FeedEntry(Guid Id, string Title, string Html, DateTime PublishedAt, DateTime UpdatedAt, string Link);

/// <summary>
/// A school's public news as an Atom 1.0 feed (RFC 4287): absolute links, stable entry ids
/// (urn:uuid of the item), sanitised HTML content, no author names (a family reader needs none).
/// </summary>
internal static class NewsFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static string BuildAtom(string title, string selfUrl, string pageUrl, IReadOnlyList<FeedEntry> entries, DateTime fallbackUpdated)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            const string atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xml", "lang", null, "fr");
            xml.WriteElementString("id", atom, selfUrl);
            xml.WriteElementString("title", atom, title);
            xml.WriteElementString("updated", atom, Timestamp(entries.Count > 0 ? entries.Max(e => e.UpdatedAt) : fallbackUpdated));
            WriteLink(xml, atom, "self", selfUrl, ContentType.Split(';')[0]);
            WriteLink(xml, atom, "alternate", pageUrl, "text/html");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, title);
            xml.WriteEndElement();
            xml.WriteElementString("generator", atom, "Préau");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, $"urn:uuid:{entry.Id}");
                xml.WriteElementString("title", atom, entry.Title);
                xml.WriteElementString("published", atom, Timestamp(entry.PublishedAt));
                xml.WriteElementString("updated", atom, Timestamp(entry.UpdatedAt));
                WriteLink(xml, atom, "alternate", entry.Link, "text/html");
                xml.WriteStartElement("content", atom);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(entry.Html);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteLink(XmlWriter xml, string ns, string rel, string href, string type)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
