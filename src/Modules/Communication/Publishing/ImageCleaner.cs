using SkiaSharp;

namespace Preau.Communication.Publishing;

/// <summary>A re-encoded image, ready to store.</summary>
/// <param name="Content">Its bytes.</param>
/// <param name="ContentType">image/jpeg or image/png.</param>
/// <param name="Extension">".jpg" or ".png".</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
internal sealed record CleanImage(byte[] Content, string ContentType, string Extension, int Width, int Height);

/// <summary>
/// Re-encodes uploaded images with SkiaSharp, so what is stored holds pixels and nothing else: no EXIF
/// (a pupil's phone photo carries the GPS position of the family's home), no comment, no trailing bytes
/// of a polyglot file (an image that is also a script or an archive). The orientation written in EXIF is
/// applied to the pixels first. Very large photos are scaled down (phones upload 12-megapixel images;
/// families read on cheap phones). CNIL, "Publier des photos d'élèves": minimise what is published.
/// </summary>
internal static class ImageCleaner
{
    /// <summary>The longest side kept, in pixels.</summary>
    public const int MaxSide = 2048;

    /// <summary>Refuses decompression bombs before decoding (a 10 MB PNG can claim billions of pixels).</summary>
    public const long MaxSourcePixels = 50_000_000;

    /// <summary>Decodes and re-encodes an image; null when it is not an image Skia can decode.</summary>
    public static CleanImage? Reencode(byte[] source)
    {
        using var data = SKData.CreateCopy(source);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxSourcePixels || codec.Info.Width == 0 || codec.Info.Height == 0)
        {
            return null;
        }

        var hasAlpha = codec.Info.AlphaType != SKAlphaType.Opaque && codec.EncodedFormat != SKEncodedImageFormat.Jpeg;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, hasAlpha ? SKAlphaType.Premul : SKAlphaType.Opaque);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var sized = Shrink(upright);
        using var image = SKImage.FromBitmap(sized);
        using var encoded = hasAlpha ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, 85);
        if (encoded is null)
        {
            return null;
        }

        return hasAlpha
            ? new CleanImage(encoded.ToArray(), "image/png", ".png", sized.Width, sized.Height)
            : new CleanImage(encoded.ToArray(), "image/jpeg", ".jpg", sized.Width, sized.Height);
    }

    /// <summary>Applies the EXIF orientation to the pixels (the tag itself is not kept).</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = swap ? (h, w) : (w, h);
        // x' = ScaleX·x + SkewX·y + TransX ; y' = SkewY·x + ScaleY·y + TransY (TIFF/EXIF orientation values 1 to 8).
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
            _ => null,
        };
        var target = new SKBitmap(new SKImageInfo((int)width, (int)height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(target);
        if (matrix is { } m)
        {
            canvas.SetMatrix(m);
        }

        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return target;
    }

    private static SKBitmap Shrink(SKBitmap source)
    {
        var longest = Math.Max(source.Width, source.Height);
        var scale = longest > MaxSide ? (float)MaxSide / longest : 1f;
        var info = new SKImageInfo(Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)), source.ColorType, source.AlphaType);
        var target = new SKBitmap(info);
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, info.Width, info.Height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        return target;
    }
}
