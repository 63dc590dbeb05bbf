using System.Text;
using CsvHelper;
using Preau.Platform.Localization;

namespace Preau.Identity.Imports;

/// <summary>The encodings a roster may come in.</summary>
internal enum RosterEncoding
{
    /// <summary>UTF-8, with or without a byte order mark: what OneRoster requires and modern tools write.</summary>
    Utf8,

    /// <summary>
    /// Windows-1252: what Excel and older French school tools write when asked for "CSV". Read when the
    /// file is not valid UTF-8 (decision in docs/imports.md).
    /// </summary>
    Windows1252,
}

/// <summary>
/// Reads a CSV file of a roster: finds its encoding, refuses what is not text, and opens it with
/// CsvHelper (separator , or ; detected, quoted separators and line breaks, CRLF or LF).
/// </summary>
internal static class RosterText
{
    /// <summary>The longest line accepted: a hostile file (an unclosed quote at the top) must not grow the buffer without end.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static readonly string NotText = Text.Fr("Le fichier « {0} » n’est pas un fichier texte CSV (il contient des caractères binaires).");
    public static readonly string Utf16 = Text.Fr("Le fichier « {0} » est en UTF-16 : enregistrez-le au format « CSV UTF-8 ».");
    public static readonly string UnknownEncoding = Text.Fr("Le fichier « {0} » n’est ni en UTF-8 ni en Windows-1252 : enregistrez-le au format « CSV UTF-8 ».");
    public static readonly string ReadAsWindows1252 = Text.Fr("Le fichier « {0} » n’est pas en UTF-8 : il a été lu comme un fichier Windows-1252 (Excel, anciens logiciels). Vérifiez les accents dans le rapport.");

    /// <summary>
    /// Reads the whole stream once: checks that it is text, tells UTF-8 from Windows-1252 and counts its
    /// lines (for the progress bar). Throws <see cref="RosterFileException"/> for anything else.
    /// </summary>
    public static (RosterEncoding Encoding, int Lines) Scan(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var chars = new char[buffer.Length + 4];
        // GetChars (not GetCharCount, which keeps no state) carries a character split between two reads.
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var validUtf8 = true;
        var undefinedIn1252 = false;
        var lines = 0;
        var first = true;
        byte last = 0;
        int read;
        // Synchronous reads: an import is long CPU-bound work on a background thread, where an await per
        // 64 KB block of a zip entry only adds thread-pool hops.
        while ((read = stream.Read(buffer)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = buffer.AsSpan(0, read);
            if (first)
            {
                first = false;
                if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }) || bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
                {
                    throw new RosterFileException(Utf16, fileName);
                }
            }

            foreach (var b in bytes)
            {
                if (b == (byte)'\n')
                {
                    lines++;
                }
                else if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or 0x0C))
                {
                    throw new RosterFileException(NotText, fileName);
                }
                else if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
                {
                    // Bytes Windows-1252 leaves undefined: fine inside UTF-8, impossible in a Windows-1252 text.
                    undefinedIn1252 = true;
                }
            }

            if (validUtf8)
            {
                try
                {
                    decoder.GetChars(bytes, chars, flush: false);
                }
                catch (DecoderFallbackException)
                {
                    validUtf8 = false;
                }
            }

            last = bytes[^1];
        }

        if (validUtf8)
        {
            try
            {
                decoder.GetChars([], chars, flush: true);
            }
            catch (DecoderFallbackException)
            {
                validUtf8 = false;
            }
        }

        if (!validUtf8 && undefinedIn1252)
        {
            throw new RosterFileException(UnknownEncoding, fileName);
        }

        if (!first && last != (byte)'\n')
        {
            lines++;
        }

        return (validUtf8 ? RosterEncoding.Utf8 : RosterEncoding.Windows1252, lines);
    }

    /// <summary>Opens a CSV reader on a stream whose encoding <see cref="Scan"/> found.</summary>
    public static CsvReader OpenCsv(Stream stream, RosterEncoding encoding, Action<CsvMalformedRecord> onMalformed) =>
        CsvReader.Create(stream, new CsvReaderOptions
        {
            Encoding = encoding == RosterEncoding.Windows1252 ? Windows1252 : null,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MaxRecordSize = MaxRecordBytes,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = onMalformed,
            PoolStrings = true,
        }, leaveOpen: true);
}
