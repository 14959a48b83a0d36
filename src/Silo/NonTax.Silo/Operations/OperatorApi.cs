using Microsoft.Extensions.DependencyInjection.Extensions;
using NonTax.Silo.Operations.Bills;
using NonTax.Silo.Operations.EBills;

namespace NonTax.Silo.Operations;

/// <summary>
/// The operator API on the silo's operations port (docs/operations.md "Operator API"): bank link
/// messages, green channel, peers, base-data pushes. Everything under <c>/ops</c>, and the Orleans
/// Dashboard under <c>/dashboard</c> (it shows every grain and can be used to map the cluster), is
/// behind <see cref="OperatorApiGate"/>.
/// </summary>
public static class OperatorApi
{
    public const string Prefix = "/ops";

    public const string DashboardPrefix = "/dashboard";

    public static IServiceCollection AddNonTaxOperatorApi(this IServiceCollection services)
    {
        services.AddSingleton<GreenChannelInbox>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NonTax.Infrastructure.MachineTokens.MachineTokenStore>();
        services.AddSingleton<OperatorTokenCache>();
        services.AddSingleton<NonTax.Infrastructure.Projection.Queries.ReconciliationQueries>();
        return services;
    }

    public static WebApplication MapNonTaxOperatorApi(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Prefix) || context.Request.Path.StartsWithSegments(DashboardPrefix),
            gated => gated.UseMiddleware<OperatorApiGate>());
        app.MapGroup(Prefix)
            .MapLinkEndpoints()
            .MapGreenChannelEndpoints()
            .MapPeerEndpoints()
            .MapBaseDataEndpoints()
            .MapBaseDataImportEndpoints()
            .MapRefundEndpoints()
            .MapAlertEndpoints()
            .MapDirectDebitEndpoints()
            .MapReconciliationEndpoints()
            // Bill stock and e-bills (engineer C)
            .MapBillStockEndpoints()
            .MapEBillEndpoints()
            .MapClearingEndpoints()
            .MapRemittanceEndpoints()
            .MapBankAccountEndpoints();
        return app;
    }
}
