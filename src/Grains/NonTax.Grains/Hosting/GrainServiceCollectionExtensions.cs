using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NonTax.Grains.Abstractions;
using NonTax.Grains.BaseData;
using NonTax.Grains.MoneyFlow;

namespace NonTax.Grains.Hosting;

public static class GrainServiceCollectionExtensions
{
    /// <summary>Services the domain grains need on a silo: a clock (System unless one is registered), options, the seeder.</summary>
    public static IServiceCollection AddNonTaxGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MonitoringOptions>();
        services.AddOptions<OutboxOptions>();
        services.AddOptions<RefundOptions>();
        services.AddOptions<NonTax.Grains.Alerts.AlertDispatchOptions>();
        services.AddOptions<SandboxOptions>();
        services.AddOptions<BaseDataPublishingOptions>();
        services.AddOptions<Reconciliation.ReconciliationOptions>();
        services.AddOptions<ClearingOptions>();
        services.AddOptions<RemittanceOptions>();
        services.TryAddSingleton<ISandboxSeeder, SandboxBureauSeeder>();
        services.AddOptions<BillStockOptions>();
        services.AddOptions<NonTax.Grains.EBills.EBillOptions>();
        services.AddOptions<NonTax.EBills.Keys.EBillKeyOptions>();
        return services;
    }
}
