using System.Buffers.Binary;
using SkiaSharp;

namespace Preau.IntegrationTests.Communication;

/// <summary>Images built for the tests: a phone photo with its GPS position in EXIF, a hostile SVG, a polyglot.</summary>
internal static class TestImages
{
    /// <summary>48.8584 N, the latitude written in the photo (the Eiffel Tower).</summary>
    public static readonly byte[] LatitudeRef = "N\0"u8.ToArray();

    /// <summary>A JPEG whose APP1 segment holds EXIF with a GPS IFD (GPSLatitudeRef, GPSLatitude), as phones write it.</summary>
    public static byte[] JpegWithGps(int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(30, 120, 200));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = data.ToArray();
        var exif = ExifWithGps();
        // SOI, then our APP1, then the rest of the encoder's output.
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    /// <summary>Whether a JPEG still carries an EXIF APP1 segment or the GPS IFD tag (0x8825).</summary>
    public static bool HasExif(byte[] jpeg)
    {
        for (var i = 2; i + 4 < jpeg.Length && jpeg[i] == 0xFF;)
        {
            var marker = jpeg[i + 1];
            if (marker is 0xDA or 0xD9)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
            if (marker == 0xE1 && jpeg.AsSpan(i + 4).StartsWith("Exif"u8))
            {
                return true;
            }

            i += 2 + length;
        }

        return jpeg.AsSpan().IndexOf(new byte[] { 0x88, 0x25, 0x00, 0x04 }) >= 0;
    }

    /// <summary>An SVG with a script: text, not an image (refused).</summary>
    public static byte[] SvgWithScript => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"u8.ToArray();

    /// <summary>A GIF header followed by HTML and script: it looks like an image to a naive check.</summary>
    public static byte[] Polyglot => [.. "GIF89a/*"u8.ToArray(), .. "<html><script>alert(1)</script></html>"u8.ToArray()];

    private static byte[] ExifWithGps()
    {
        var tiff = new List<byte>();
        tiff.AddRange("MM\0\x2A"u8.ToArray());
        tiff.AddRange(BigEndian32(8));
        // IFD0 at 8: one entry, the GPS IFD pointer.
        tiff.AddRange(BigEndian16(1));
        tiff.AddRange(Entry(0x8825, 4, 1, 26));
        tiff.AddRange(BigEndian32(0));
        // GPS IFD at 26: GPSLatitudeRef "N", GPSLatitude three rationals at 56.
        tiff.AddRange(BigEndian16(2));
        tiff.AddRange(Entry(0x0001, 2, 2, 0x4E000000));
        tiff.AddRange(Entry(0x0002, 5, 3, 56));
        tiff.AddRange(BigEndian32(0));
        foreach (var (numerator, denominator) in new[] { (48u, 1u), (51u, 1u), (3024u, 100u) })
        {
            tiff.AddRange(BigEndian32(numerator));
            tiff.AddRange(BigEndian32(denominator));
        }

        var payload = new List<byte>();
        payload.AddRange("Exif\0\0"u8.ToArray());
        payload.AddRange(tiff);
        var segment = new List<byte> { 0xFF, 0xE1 };
        segment.AddRange(BigEndian16((ushort)(payload.Count + 2)));
        segment.AddRange(payload);
        return [.. segment];
    }

    private static byte[] Entry(ushort tag, ushort type, uint count, uint value) => [.. BigEndian16(tag), .. BigEndian16(type), .. BigEndian32(count), .. BigEndian32(value)];

    private static byte[] BigEndian16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] BigEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
