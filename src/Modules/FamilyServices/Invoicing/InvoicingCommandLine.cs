using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Preau.FamilyServices.Contracts;
using Preau.Identity.Contracts;
using Preau.Platform.Localization;
using Preau.Platform.Tenancy;

namespace Preau.FamilyServices.Invoicing;

/// <summary>The same use cases as the agent's pages (<see cref="PrepareInvoiceRun"/>, <see cref="IssueInvoiceRun"/>), acted by "the command line" (no account).</summary>
internal sealed class InvoicingCommandLine(
    IStructureDirectory directory,
    TenantContext tenant,
    PrepareInvoiceRun prepare,
    IssueInvoiceRun issueRun,
    IStringLocalizer localizer) : IInvoicingCommandLine
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<int> InvoiceAsync(string territorySlug, string month, bool issue, TextWriter output, CancellationToken cancellationToken)
    {
        if (await directory.FindTerritoryBySlugAsync(territorySlug, cancellationToken) is not { } territory)
        {
            await output.WriteLineAsync($"Territoire inconnu : « {territorySlug} ».");
            return 2;
        }

        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            await output.WriteLineAsync($"Mois illisible : « {month} » (attendu : AAAA-MM).");
            return 2;
        }

        tenant.Enter(territory.Id, territory.TimeZoneId);
        // The use cases' messages are French keys: the command line prints them in French.
        using var culture = CultureScope.For("fr");
        var watch = Stopwatch.StartNew();
        var (run, refused) = await prepare.HandleAsync(first, Guid.Empty, cancellationToken);
        if (run is null)
        {
            await output.WriteLineAsync(localizer[refused!.Message, refused.Arguments]);
            return 2;
        }

        await output.WriteLineAsync(string.Create(French,
            $"Brouillons de {first:MMMM yyyy} calculés en {watch.Elapsed.TotalSeconds:F1} s : {run.InvoiceCount} factures, {run.LineCount} lignes, {run.ChildCount} enfants, {run.Total:N2} €."));
        if (!issue)
        {
            return 0;
        }

        watch.Restart();
        var (issued, notIssued) = await issueRun.HandleAsync(run.Id, Guid.Empty, cancellationToken);
        if (issued is null)
        {
            await output.WriteLineAsync(localizer[notIssued!.Message, notIssued.Arguments]);
            return 2;
        }

        await output.WriteLineAsync(string.Create(French, $"Factures de {first:MMMM yyyy} émises en {watch.Elapsed.TotalSeconds:F1} s : {issued.InvoiceCount} factures numérotées."));
        return 0;
    }
}
