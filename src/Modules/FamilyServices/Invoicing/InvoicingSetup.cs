using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.FamilyServices.Contracts;
using Preau.FamilyServices.Data;
using Preau.Platform.Data;
using Preau.Platform.Web;

namespace Preau.FamilyServices.Invoicing;

/// <summary>Registration of invoices and payments.</summary>
internal static class InvoicingSetup
{
    public static IServiceCollection AddInvoicing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PaymentGatewayOptions>(configuration.GetSection(PaymentGatewayOptions.Section));

        // The only gateway so far: PayFiP (or a payment provider) will implement IPaymentGateway beside it.
        services.AddSingleton<TestPaymentGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<TestPaymentGateway>());
        services.AddScoped<InvoiceQueries>();
        services.AddScoped<InvoiceAccess>();
        services.AddScoped<InvoiceNumbers>();
        services.AddScoped<PrepareInvoiceRun>();
        services.AddScoped<IInvoicingCommandLine, InvoicingCommandLine>();
        services.AddScoped<IssueInvoiceRun>();
        services.AddScoped<IssueCreditNote>();
        services.AddScoped<RecordPayment>();
        services.AddScoped<OnlinePayments>();
        services.AddScoped<SendReminders>();
        services.AddScoped<IHomeSection, InvoicesHomeSection>();
        services.AddScopeTrigger<FamilyServicesDbContext, Invoice>(nameof(Invoice.HouseholdId));
        services.AddScopeTrigger<FamilyServicesDbContext, Payment>(nameof(Payment.HouseholdId));
        services.AddScoped<Preau.Platform.Privacy.IPersonalDataSource, InvoicingPersonalData>();
        services.AddScoped<Preau.Platform.Demo.IDemoSeed, Demo.InvoicingDemoSeed>();
        return services;
    }
}
