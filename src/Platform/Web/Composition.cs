using System.Security.Claims;

namespace Preau.Platform.Web;

/// <summary>
/// An entry of the main navigation, contributed by a module. It is shown only to users who satisfy
/// its policy, so the menu never offers what the authorization layer would refuse.
/// </summary>
/// <param name="Label">French label (translated by the layout).</param>
/// <param name="Url">Where it leads.</param>
/// <param name="Policy">The policy (or permission) a user needs to see it.</param>
/// <param name="Order">Position in the menu.</param>
public sealed record NavigationEntry(string Label, string Url, string Policy, int Order);

/// <summary>
/// A module's stylesheet, linked by the layout on every page after the design system's, e.g.
/// new StyleSheet("/_content/Preau.SchoolLife/schoollife.css") for a file in the module's wwwroot.
/// </summary>
/// <param name="Href">Its address.</param>
public sealed record StyleSheet(string Href);

/// <summary>What a module shows on a user's home page: a partial view and its model.</summary>
/// <param name="PartialName">The partial view, e.g. "/Pages/SchoolLife/_TodaySection.cshtml".</param>
/// <param name="Model">Its model.</param>
public sealed record HomeSectionView(string PartialName, object Model);

/// <summary>
/// A section of the composite home page ("today"), contributed by a module (DESIGN.md: composite
/// pages are built from sections; the page does not reach into modules' tables).
/// </summary>
public interface IHomeSection
{
    /// <summary>Position on the page.</summary>
    int Order { get; }

    /// <summary>The section for this user, or null when it has nothing to show them.</summary>
    Task<HomeSectionView?> BuildAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>
/// A module's script, linked by the layout on every page (deferred; pages work without it), e.g.
/// new ScriptFile("/_content/Preau.Communication/live-badge.js").
/// </summary>
/// <param name="Src">Its address.</param>
public sealed record ScriptFile(string Src);

/// <summary>A &lt;link&gt; of the page head contributed by a module, e.g. the web app manifest.</summary>
/// <param name="Rel">Its relation ("manifest").</param>
/// <param name="Href">Its address.</param>
public sealed record HeadLink(string Rel, string Href);

/// <summary>
/// A count shown on a navigation entry (unread messages), server-rendered so that it works without
/// script; <see cref="Key"/> lets a script update it live.
/// </summary>
public interface INavigationBadge
{
    /// <summary>The URL of the navigation entry it belongs to.</summary>
    string Url { get; }

    /// <summary>A stable name for scripts ("messages").</summary>
    string Key { get; }

    /// <summary>The count for this user (an indexed query at most).</summary>
    Task<int> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
