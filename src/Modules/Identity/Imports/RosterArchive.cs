using System.IO.Compression;
using Preau.Platform.Localization;

namespace Preau.Identity.Imports;

/// <summary>
/// A OneRoster zip, opened defensively: entries are read as streams by name (nothing is ever extracted
/// to disk), names that try to leave the archive are refused, and the bytes actually decompressed are
/// counted so that a zip bomb stops at <c>Imports:MaxUncompressedBytes</c> whatever its headers claim.
/// </summary>
internal sealed class RosterArchive : IDisposable
{
    public const int MaxEntries = 100;

    public static readonly string NotAnArchive = Text.Fr("L’archive zip est illisible ou endommagée.");
    public static readonly string TooManyEntries = Text.Fr("L’archive contient trop de fichiers (100 au plus).");
    public static readonly string DangerousName = Text.Fr("L’archive contient un nom de fichier interdit (chemin absolu ou « .. ») : « {0} ».");
    public static readonly string TooLarge = Text.Fr("Une fois décompressée, l’archive dépasse {0} Mo : elle est refusée (bombe de décompression ?).");
    public static readonly string EncryptedOrBroken = Text.Fr("Le fichier « {0} » de l’archive est chiffré ou endommagé.");
    public static readonly string Duplicate = Text.Fr("L’archive contient deux fichiers « {0} ».");

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly long _maxUncompressedBytes;
    private long _decompressed;

    private RosterArchive(ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries, long maxUncompressedBytes)
    {
        _zip = zip;
        _entries = entries;
        _maxUncompressedBytes = maxUncompressedBytes;
    }

    /// <summary>Opens an archive from a seekable stream and checks its table of contents.</summary>
    public static RosterArchive Open(Stream stream, long maxUncompressedBytes)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new RosterFileException(NotAnArchive);
        }

        try
        {
            if (zip.Entries.Count > MaxEntries)
            {
                throw new RosterFileException(TooManyEntries);
            }

            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
            {
                if (!IsSafeName(entry.FullName))
                {
                    throw new RosterFileException(DangerousName, entry.FullName.Length > 100 ? entry.FullName[..100] : entry.FullName);
                }

                // Folders, and files in a folder other than the top one (a zipped folder is common): by file name.
                if (entry.FullName.EndsWith('/') || entry.Name.Length == 0)
                {
                    continue;
                }

                if (!entries.TryAdd(entry.Name, entry))
                {
                    throw new RosterFileException(Duplicate, entry.Name);
                }
            }

            return new RosterArchive(zip, entries, maxUncompressedBytes);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Whether an entry name stays inside the archive: relative, without "..", without a drive or control characters.</summary>
    public static bool IsSafeName(string name) =>
        name.Length is > 0 and <= 260
        && !name.StartsWith('/') && !name.StartsWith('\\') && !name.Contains(':', StringComparison.Ordinal)
        && !name.Any(char.IsControl)
        && name.Split('/', '\\').All(segment => segment != "..");

    public bool Contains(string fileName) => _entries.ContainsKey(fileName);

    /// <summary>Opens an entry; reading it fails with a French message once the archive's decompressed size passes the limit.</summary>
    public Stream OpenEntry(string fileName)
    {
        var entry = _entries[fileName];
        try
        {
            return new CountingStream(entry.Open(), this, fileName);
        }
        catch (InvalidDataException)
        {
            throw new RosterFileException(EncryptedOrBroken, fileName);
        }
    }

    public void Dispose() => _zip.Dispose();

    private void Count(int bytes)
    {
        _decompressed += bytes;
        if (_decompressed > _maxUncompressedBytes)
        {
            throw new RosterFileException(TooLarge, (_maxUncompressedBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>A read-only stream that counts what it decompresses against the archive's limit.</summary>
    private sealed class CountingStream(Stream inner, RosterArchive archive, string fileName) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (InvalidDataException)
            {
                throw new RosterFileException(EncryptedOrBroken, fileName);
            }

            archive.Count(read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read;
            try
            {
                read = await inner.ReadAsync(buffer, cancellationToken);
            }
            catch (InvalidDataException)
            {
                throw new RosterFileException(EncryptedOrBroken, fileName);
            }

            archive.Count(read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
