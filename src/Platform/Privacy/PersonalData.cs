namespace Preau.Platform.Privacy;

/// <summary>
/// What one module holds about one person, for the rights of the RGPD (art. 15 access and portability,
/// art. 17 erasure): every module that stores personal data registers one
/// (<c>services.AddScoped&lt;IPersonalDataSource, …&gt;()</c>). The person's export gathers every module's
/// part into one JSON file; the deletion of an account (by the retention job after the CNIL's three
/// months, or on request) erases every module's part in the account's territory.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The module's name, the key of its part in the export ("schoollife").</summary>
    string Module { get; }

    /// <summary>
    /// Everything the module holds about the account (as author, recipient, pupil or guardian), as a
    /// JSON-serialisable object with French-readable property names; null when it holds nothing.
    /// Runs in a scope entered in the account's territory.
    /// </summary>
    Task<object?> ExportAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes what the module holds about the account, or anonymises what others still need (a message
    /// in a conversation stays, its author becomes "compte supprimé"). Runs in a scope entered in the
    /// account's territory, before the account itself is deleted.
    /// </summary>
    Task EraseAsync(Guid accountId, CancellationToken cancellationToken);
}
