using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace Preau.Platform.Files;

/// <summary>The kinds of file Préau accepts, recognised by their content, never by their name.</summary>
public enum FileKind
{
    /// <summary>Not recognised: refused.</summary>
    Unknown,

    /// <summary>PDF document.</summary>
    Pdf,

    /// <summary>PNG image.</summary>
    Png,

    /// <summary>JPEG image.</summary>
    Jpeg,

    /// <summary>GIF image.</summary>
    Gif,

    /// <summary>WebP image.</summary>
    Webp,

    /// <summary>UTF-8 (or ASCII) text, e.g. CSV.</summary>
    Text,

    /// <summary>ZIP archive (e.g. a OneRoster roster). Never extracted to disk: read entry by entry by whoever accepts it.</summary>
    Zip,
}

/// <summary>The verdict on an upload.</summary>
/// <param name="Kind">What the content is.</param>
/// <param name="Error">The reason for refusing it (translated), or null.</param>
public sealed record UploadCheck(FileKind Kind, string? Error)
{
    /// <summary>Whether the upload may be stored.</summary>
    public bool IsAccepted => Error is null;

    /// <summary>The MIME type to serve it with.</summary>
    public string ContentType => Kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Gif => "image/gif",
        FileKind.Webp => "image/webp",
        FileKind.Text => "text/plain; charset=utf-8",
        FileKind.Zip => "application/zip",
        _ => "application/octet-stream",
    };
}

/// <summary>Checks an upload's size, type (by content) and, when clamd is configured, viruses.</summary>
public sealed class UploadInspector(IOptions<FileOptions> options, IStringLocalizer localizer)
{
    /// <summary>Inspects a seekable stream and rewinds it.</summary>
    public Task<UploadCheck> InspectAsync(Stream content, IReadOnlyCollection<FileKind> allowed, CancellationToken cancellationToken) =>
        InspectAsync(content, allowed, options.Value.MaxUploadBytes, cancellationToken);

    /// <summary>Inspects a seekable stream against a limit of its own (a roster import's is larger than Files:MaxUploadBytes) and rewinds it.</summary>
    public async Task<UploadCheck> InspectAsync(Stream content, IReadOnlyCollection<FileKind> allowed, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            return new UploadCheck(FileKind.Unknown, localizer["Le fichier est vide."]);
        }

        if (content.Length > maxBytes)
        {
            return new UploadCheck(FileKind.Unknown, localizer["Le fichier dépasse la taille maximale de {0} Mo.", maxBytes / (1024 * 1024)]);
        }

        var kind = await DetectAsync(content, cancellationToken);
        if (!allowed.Contains(kind))
        {
            return new UploadCheck(kind, localizer["Ce type de fichier n’est pas accepté ici."]);
        }

        if (options.Value.ClamdSocket is { Length: > 0 } socket && await IsInfectedAsync(socket, content, cancellationToken))
        {
            return new UploadCheck(kind, localizer["Le fichier a été refusé par l’antivirus."]);
        }

        content.Position = 0;
        return new UploadCheck(kind, null);
    }

    /// <summary>Recognises a file by its first bytes.</summary>
    public static async Task<FileKind> DetectAsync(Stream content, CancellationToken cancellationToken)
    {
        var header = new byte[4096];
        content.Position = 0;
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        content.Position = 0;
        var bytes = header.AsSpan(0, read);
        if (bytes.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }

        if (bytes.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return FileKind.Png;
        }

        if (bytes.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return FileKind.Jpeg;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return FileKind.Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return FileKind.Webp;
        }

        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return FileKind.Zip;
        }

        return LooksLikeText(bytes) ? FileKind.Text : FileKind.Unknown;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        // Accept UTF-8 and the Windows-1252 exports of older school tools; refuse control characters.
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> IsInfectedAsync(string socketPath, Stream content, CancellationToken cancellationToken)
    {
        // clamd's INSTREAM command: chunks prefixed by their big-endian length, then a zero length.
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
        await using var stream = new NetworkStream(socket);
        await stream.WriteAsync("zINSTREAM\0"u8.ToArray(), cancellationToken);
        content.Position = 0;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var length = BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(read));
            await stream.WriteAsync(length, cancellationToken);
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await stream.WriteAsync(new byte[4], cancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var answer = await reader.ReadToEndAsync(cancellationToken);
        content.Position = 0;
        return !answer.Contains("OK", StringComparison.Ordinal) || answer.Contains("FOUND", StringComparison.Ordinal);
    }
}
