using Microsoft.Extensions.Options;

namespace Preau.Platform.Files;

/// <summary>The "Files" configuration section.</summary>
public sealed class FileOptions
{
    /// <summary>Root folder of the local-disk store.</summary>
    public string Root { get; set; } = "data/files";

    /// <summary>Largest upload accepted, in bytes (10 MB by default).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Path of the clamd Unix socket; when set, every upload is scanned by ClamAV.</summary>
    public string? ClamdSocket { get; set; }
}

/// <summary>Where uploaded files live (DESIGN.md, Data: a local-disk store and an S3-compatible one).</summary>
public interface IFileStore
{
    /// <summary>Stores a file and returns its opaque key.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>Opens a stored file, or null if it is gone.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes a stored file (nothing happens if it is gone).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Files on the local disk, under random keys (never a user-supplied name or path).</summary>
internal sealed class LocalFileStore(IOptions<FileOptions> options) : IFileStore
{
    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = Guid.CreateVersion7().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = File.Create(path);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        // Keys are our own 32-hex-digit ids; anything else is refused rather than joined to a path.
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("Invalid file key.", nameof(key));
        }

        return Path.Combine(options.Value.Root, key[..2], key);
    }
}
