using Preau.Platform.Demo;

namespace Preau.Identity.Contracts;

/// <summary>What `preau generate-territory` asks for (docs/imports.md, docs/performance.md).</summary>
/// <param name="Slug">The new territory's short name.</param>
/// <param name="Scale">Schools, pupils, guardians and the seed of the random generator.</param>
/// <param name="RosterOutput">A folder to keep the generated OneRoster zip in, or null.</param>
/// <param name="Password">The password given to the few accounts printed for the benchmark.</param>
/// <param name="Crowd">How many more guardians of two children and teachers get it too (the benchmark loads the homes of many accounts).</param>
public sealed record SyntheticTerritoryRequest(string Slug, SyntheticScale Scale, string? RosterOutput, string Password, int Crowd = 0);

/// <summary>A generated territory and the accounts the benchmark signs in with.</summary>
/// <param name="TerritoryId">The territory.</param>
/// <param name="Logins">A guardian of two children, a teacher, a head (with the requested password).</param>
public sealed record SyntheticTerritory(Guid TerritoryId, IReadOnlyList<DemoLogin> Logins);

/// <summary>
/// The roster verbs of the `preau` command line, run by the host (src/Web/Cli.cs) through the same import
/// code as the pages. Both print their report to <c>output</c> in French.
/// </summary>
public interface IRosterCommandLine
{
    /// <summary>
    /// `preau import --territory &lt;slug&gt; [--create-territory &lt;name&gt;] [--school &lt;UAI&gt;] [--dry-run] &lt;file&gt;`:
    /// analyses the file, prints the report and, unless it is a dry run, applies it. With a name, a territory
    /// that does not exist yet is created first (a département's first import). Returns the exit code
    /// (0: done; 1: the file was refused; 2: unknown territory or school).
    /// </summary>
    Task<int> ImportAsync(string territorySlug, string? newTerritoryName, string? schoolUai, bool dryRun, string filePath, TextWriter output, CancellationToken cancellationToken);

    /// <summary>
    /// `preau generate-territory`: creates a département-size territory from a generated OneRoster set,
    /// imported through the import code, and gives the printed accounts a known password.
    /// </summary>
    Task<SyntheticTerritory> GenerateTerritoryAsync(SyntheticTerritoryRequest request, TextWriter output, CancellationToken cancellationToken);

    /// <summary>
    /// `preau generate-territory --roster-only`: writes the generated OneRoster set to a zip in
    /// <paramref name="folder"/> and returns its path, without touching the database (an import to time alone).
    /// </summary>
    Task<string> WriteSyntheticRosterAsync(string slug, SyntheticScale scale, string folder, CancellationToken cancellationToken);
}
