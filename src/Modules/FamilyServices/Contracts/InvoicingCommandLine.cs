namespace Preau.FamilyServices.Contracts;

/// <summary>`preau invoice`: a territory's monthly invoicing from the command line (a town's scheduler, the benchmark).</summary>
public interface IInvoicingCommandLine
{
    /// <summary>Computes the drafts of <paramref name="month"/> ("AAAA-MM"), and issues them with <paramref name="issue"/>; prints what it did in French. Exit code 0, or 2 when refused.</summary>
    Task<int> InvoiceAsync(string territorySlug, string month, bool issue, TextWriter output, CancellationToken cancellationToken);
}
