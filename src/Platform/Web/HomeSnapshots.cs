using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Preau.Platform.Authorization;
using Preau.Platform.Data;
using Preau.Platform.Tenancy;

namespace Preau.Platform.Web;

/// <summary>
/// What a section of the home page says it was built from, while it is built (docs/decisions/0020). A section
/// that calls <see cref="Follow"/> promises that every row its output comes from bumps one of the scopes it
/// names when it changes (a <see cref="ScopeTrigger"/>); its rendering is then kept until one of them does.
/// A section that does not call it is built at every request.
/// </summary>
public sealed class HomeScopes
{
    private bool _followed;

    /// <summary>Every scope followed during this request.</summary>
    internal HashSet<Guid> All { get; } = [];

    /// <summary>Says that the section being built shows only rows of these scopes (ids of accounts, pupils, classes, schools, territory…).</summary>
    public void Follow(params IEnumerable<Guid> scopeIds)
    {
        _followed = true;
        All.UnionWith(scopeIds);
    }

    /// <summary>Starts a section's build.</summary>
    internal void Begin() => _followed = false;

    /// <summary>Whether the section just built followed its scopes.</summary>
    internal bool End() => _followed;
}

/// <summary>
/// The scopes' versions this request has read (the home page reads its snapshot's). Whatever is counted from
/// a scope's rows after that read (the navigation's badges of the reader's account) may be kept under the
/// version: a write in between makes the count newer than its version, and the next request counts again.
/// </summary>
public sealed class VersionsRead
{
    private readonly Dictionary<Guid, long> _read = [];

    /// <summary>The version of a scope as this request read it, if it did.</summary>
    public long? Of(Guid scopeId) => _read.TryGetValue(scopeId, out var version) ? version : null;

    internal void Add(IReadOnlyDictionary<Guid, long> versions)
    {
        foreach (var (id, version) in versions)
        {
            _read[id] = version;
        }
    }
}

/// <summary>A section on the page: kept HTML, or a view to render (and to keep when <paramref name="Kept"/>).</summary>
/// <param name="Section">The section's name.</param>
/// <param name="Html">Its HTML from the snapshot (empty: nothing to show), or null when it was built now.</param>
/// <param name="View">What it built now, or null (nothing to show, or taken from the snapshot).</param>
/// <param name="Kept">Whether its rendering goes into the snapshot.</param>
public sealed record HomeSlot(string Section, string? Html, HomeSectionView? View, bool Kept);

/// <summary>
/// The renderings of each account's home sections, kept in this process's memory with the versions of the
/// scopes they were built from (docs/decisions/0020). A kept rendering is used while one indexed query finds
/// every version unchanged, for <see cref="Lifetime"/> at most: what appears by the passing of time alone (a
/// homework or news item published at a chosen hour, an event that ends, a mark a week old) or through a row
/// no trigger watches shows within that time. The versions live in the database, so several processes each
/// keep their own renderings and none shows a change later than another.
/// </summary>
public sealed class HomeSnapshots(IConfiguration configuration) : IDisposable
{
    /// <summary>How long a snapshot built from versions read before its sections lasts at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a first snapshot lasts: its versions are read after its sections (which scopes they follow is
    /// known only then), so a write landing in between could go unseen; the next build reads them before.
    /// </summary>
    public static readonly TimeSpan FirstLifetime = TimeSpan.FromSeconds(15);

    /// <summary>Whether renderings are kept (Home:Snapshots, true unless set to false: to compare, or to rule them out).</summary>
    public bool Enabled { get; } = configuration.GetValue("Home:Snapshots", true);

    // Bounded in characters of HTML: about 32 MB of renderings (a family's home is 10 to 30 thousand characters).
    private readonly MemoryCache _snapshots = new(new MemoryCacheOptions { SizeLimit = 16_000_000 });

    /// <summary>
    /// The snapshot kept under this key, if any. One past its <see cref="Snapshot.ValidUntil"/> is still returned
    /// for a while: its scopes tell which versions to read before its sections are built again.
    /// </summary>
    internal Snapshot? Find(string key) => _snapshots.TryGetValue(key, out Snapshot? snapshot) ? snapshot : null;

    /// <summary>Keeps a snapshot (its renderings are used until <see cref="Snapshot.ValidUntil"/>).</summary>
    internal void Keep(string key, Snapshot snapshot, DateTimeOffset now) =>
        _snapshots.Set(key, snapshot, new MemoryCacheEntryOptions
        {
            // Relative: the cache's own clock is the system's, the page's is the app's TimeProvider.
            AbsoluteExpirationRelativeToNow = snapshot.ValidUntil + Lifetime - now,
            Size = key.Length + snapshot.Fragments.Sum(f => f.Key.Length + f.Value.Length),
        });

    /// <inheritdoc />
    public void Dispose() => _snapshots.Dispose();

    /// <summary>The renderings of the kept sections, by section, and the versions they were built from.</summary>
    internal sealed record Snapshot(IReadOnlyDictionary<Guid, long> Versions, IReadOnlyDictionary<string, string> Fragments, DateTimeOffset ValidUntil);
}

/// <summary>
/// Composes a user's home page from the modules' sections, taking from the snapshot the sections whose scopes
/// have not changed (docs/decisions/0020). One per request.
/// </summary>
public sealed class HomeComposition(
    IEnumerable<IHomeSection> sections,
    HomeScopes scopes,
    HomeSnapshots snapshots,
    VersionsRead versionsRead,
    ScopeVersionReader versions,
    TenantContext tenant,
    TimeProvider clock)
{
    private string? _key;
    private Dictionary<Guid, long>? _versionsBefore;
    private DateTimeOffset _validUntil;
    private readonly Dictionary<string, string> _rendered = [];

    /// <summary>Each section for this user, in order, from the snapshot or built now.</summary>
    public async Task<IReadOnlyList<HomeSlot>> ComposeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _key = snapshots.Enabled ? KeyOf(user, tenant.Today(clock)) : null;
        var snapshot = _key is null ? null : snapshots.Find(_key);
        IReadOnlyDictionary<string, string> kept = new Dictionary<string, string>();
        if (snapshot is not null)
        {
            var current = await versions.ReadAsync([.. snapshot.Versions.Keys], cancellationToken);
            _versionsBefore = snapshot.Versions.Keys.ToDictionary(id => id, id => current.GetValueOrDefault(id));
            versionsRead.Add(_versionsBefore);
            if (snapshot.ValidUntil > now && snapshot.Versions.All(v => _versionsBefore[v.Key] == v.Value))
            {
                kept = snapshot.Fragments;
                _key = null;
            }
        }

        var slots = new List<HomeSlot>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            var name = section.GetType().FullName!;
            if (kept.TryGetValue(name, out var html))
            {
                slots.Add(new HomeSlot(name, html, null, false));
                continue;
            }

            scopes.Begin();
            var view = await section.BuildAsync(user, cancellationToken);
            slots.Add(new HomeSlot(name, null, view, scopes.End()));
        }

        // Nothing to keep when no section followed its scopes (the head's, the agent's homes): no versions to read.
        if (_key is not null && scopes.All.Count > 0)
        {
            if (_versionsBefore is not null && scopes.All.IsSubsetOf(_versionsBefore.Keys))
            {
                _validUntil = now + HomeSnapshots.Lifetime;
            }
            else
            {
                var after = await versions.ReadAsync(scopes.All, cancellationToken);
                _versionsBefore = scopes.All.ToDictionary(id => id, id => after.GetValueOrDefault(id));
                versionsRead.Add(_versionsBefore);
                _validUntil = now + HomeSnapshots.FirstLifetime;
            }
        }

        return slots;
    }

    /// <summary>Records the rendering of a kept section (empty: it had nothing to show).</summary>
    public void Rendered(HomeSlot slot, string html) => _rendered[slot.Section] = html;

    /// <summary>Keeps what was rendered, once the whole page has been (nothing when the snapshot was used as it was).</summary>
    public void KeepRenderings()
    {
        if (_key is null || _versionsBefore is null || _rendered.Count == 0)
        {
            return;
        }

        var versions = scopes.All.ToDictionary(id => id, id => _versionsBefore[id]);
        snapshots.Keep(_key, new HomeSnapshots.Snapshot(versions, _rendered, _validUntil), clock.GetUtcNow());
    }

    // A rendering depends on who reads (the account and its claims: profiles, name, territory), in which language, on which day.
    private static string KeyOf(ClaimsPrincipal user, DateOnly today) =>
        string.Join('\n', user.Claims.Select(c => c.Type + "=" + c.Value).Order(StringComparer.Ordinal)
            .Prepend(user.RequiredAccountId().ToString())
            .Prepend(CultureInfo.CurrentUICulture.Name)
            .Prepend(today.ToString("O", CultureInfo.InvariantCulture)));
}
