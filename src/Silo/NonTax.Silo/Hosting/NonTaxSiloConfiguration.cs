using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.Bills;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Grains.Abstractions.Refunds;
using NonTax.Grains.Abstractions.Units;
using NonTax.Infrastructure.Alerts;
using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.Hosting;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Infrastructure.Projection.Queries.BankAccounts;
using NonTax.Infrastructure.Projection.Queries.Bills;
using NonTax.Persistence.Projection;
using NonTax.Persistence.Reconciliation;
using NonTax.Persistence.Storage;
using Orleans.Configuration;

namespace NonTax.Silo.Hosting;

public static class NonTaxSiloConfiguration
{
    /// <summary>
    /// Everything a NonTax silo needs from PostgreSQL: ADO.NET clustering, the stock ADO.NET grain
    /// storage (<see cref="StorageNames.Default"/>), the batched domain storage
    /// (<see cref="StorageNames.Domain"/>) with the relational projections of its business facts,
    /// ADO.NET reminders, cluster identity and endpoints.
    /// Shared by the silo host and the integration tests so both run the same wiring.
    /// </summary>
    public static ISiloBuilder ConfigureNonTaxSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        NpgsqlInvariant.EnsureRegistered();
        var connectionString = NonTaxConnectionStrings.App(configuration);
        var network = SiloNetwork.From(configuration);

        silo.Configure<ClusterOptions>(o => ClusterIdentity.Apply(o, configuration));
        if (configuration["Orleans:SiloName"] is { Length: > 0 } siloName)
        {
            silo.Configure<SiloOptions>(o => o.SiloName = siloName);
        }

        if (network.AdvertisedAddress is { } address)
        {
            silo.ConfigureEndpoints(address, network.SiloPort, network.GatewayPort, listenOnAnyHostAddress: network.ListenOnAnyAddress);
        }
        else
        {
            silo.ConfigureEndpoints(network.SiloPort, network.GatewayPort, listenOnAnyHostAddress: network.ListenOnAnyAddress);
        }

        silo.ConfigureNonTaxTimeouts(configuration);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = NpgsqlInvariant.Name;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(StorageNames.Default, o =>
        {
            o.Invariant = NpgsqlInvariant.Name;
            o.ConnectionString = connectionString;
        });
        silo.AddNonTaxDomainStorage(connectionString, configuration);
        silo.Services.AddNonTaxProjections();
        // Facts that belong to no grain write (alerts of scheduled checks) get the same projections.
        silo.Services.TryAddSingleton<IFactJournal, DirectFactJournal>();
        // Unit monitoring reads the projection (the unit keeps no per-notice sets); the data source
        // is the one the domain storage registered above.
        silo.Services.TryAddSingleton<IUnitMonitoringSource, UnitBacklogQuery>();
        // Notices hand over after the reply; the sweeper finds those a crash interrupted.
        silo.Services.TryAddSingleton<IPendingHandOverSource, PendingHandOverQuery>();
        // Bill stock: range grains find each other through bill_ranges (engineer C).
        silo.Services.TryAddSingleton<IBillRangeDirectory, BillRangeDirectory>();
        silo.Services.TryAddSingleton<BillStockQuery>();
        // E-bills: the issuer reads a blue bill from nontax.ebills to reverse it.
        silo.Services.Configure<NonTax.Grains.Hosting.BillStockOptions>(configuration.GetSection(NonTax.Grains.Hosting.BillStockOptions.Section));
        silo.Services.Configure<NonTax.Grains.EBills.EBillOptions>(configuration.GetSection(NonTax.Grains.EBills.EBillOptions.Section));
        silo.Services.Configure<NonTax.EBills.Keys.EBillKeyOptions>(configuration.GetSection(NonTax.EBills.Keys.EBillKeyOptions.Section));
        // Keys load on first use: a silo without them runs, and only an exchange is refused, naming the file.
        silo.Services.TryAddSingleton(sp => new NonTax.EBills.Keys.EBillKeyStore(
            sp.GetRequiredService<IOptions<NonTax.EBills.Keys.EBillKeyOptions>>().Value, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        silo.Services.TryAddSingleton<NonTax.Grains.Abstractions.EBills.IEBillSmsOutbox, NonTax.Infrastructure.EBills.EBillSmsOutbox>();
        silo.AddStartupTask((services, _) => StartReminderAsync(services, "e-bill SMS",
            grains => grains.GetGrain<NonTax.Grains.Abstractions.EBills.IEBillNotifierGrain>(NonTax.Grains.Abstractions.EBills.IEBillNotifierGrain.ClusterKey).Start()));
        silo.Services.TryAddSingleton<NonTax.Grains.Abstractions.EBills.IEBillArchive, NonTax.Infrastructure.Projection.Queries.EBills.EBillArchive>();
        silo.AddStartupTask(StartHandOverSweepAsync);
        // Refunds whose 2617 does not come raise alerts; alerts go to the duty roster by SMS
        // through the durable outbox. Both are one reminder grain per cluster.
        silo.Services.TryAddSingleton<IRefundLog, RefundLog>();
        silo.Services.TryAddSingleton<IAlertSmsOutbox, AlertSmsOutbox>();
        silo.Services.TryAddSingleton<AlertLog>();
        silo.Services.TryAddSingleton<ISmsProvider>(sp => new HttpSmsGateway(
            sp.GetRequiredService<IOptionsMonitor<SmsGatewayOptions>>(), sp.GetRequiredService<ILogger<HttpSmsGateway>>()));
        silo.AddStartupTask((services, _) => StartReminderAsync(services, "refund watch",
            grains => grains.GetGrain<IRefundWatchGrain>(IRefundWatchGrain.ClusterKey).Start()));
        silo.AddStartupTask((services, _) => StartReminderAsync(services, "alert dispatch",
            grains => grains.GetGrain<IAlertDispatcherGrain>(IAlertDispatcherGrain.ClusterKey).Start()));
        // Reconciliation: the comparison runs in PostgreSQL; one cluster reminder sweeps and checks the cut-off.
        silo.Services.TryAddSingleton<IReconciliationStore, ReconciliationStore>();
        // BankAccount grains read the account days the 2556/2581 comparison wrote.
        silo.Services.TryAddSingleton<BankAccountQueries>();
        silo.Services.TryAddSingleton<IBankAccountStore>(sp => sp.GetRequiredService<BankAccountQueries>());
        silo.AddStartupTask((services, _) => StartReminderAsync(services, "reconciliation sweep",
            grains => grains.GetGrain<IReconciliationSweeperGrain>(IReconciliationSweeperGrain.ClusterKey).Start()));
        // Clearing reads reconciliation status, revenue by item and the rules in force from SQL.
        silo.Services.TryAddSingleton<IClearingSource, ClearingQueries>();
        silo.AddStartupTask((services, _) => StartReminderAsync(services, "clearing scheduler",
            grains => grains.GetGrain<IClearingSchedulerGrain>(IClearingSchedulerGrain.ClusterKey).Start()));
        // Remittance reads cleared days, payments by page and its own instructions from SQL.
        silo.Services.TryAddSingleton<IRemittanceSource, RemittanceQueries>();
        silo.AddStartupTask((services, _) => StartReminderAsync(services, "remittance scheduler",
            grains => grains.GetGrain<IRemittanceSchedulerGrain>(IRemittanceSchedulerGrain.ClusterKey).Start()));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = NpgsqlInvariant.Name;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>Every silo makes sure a cluster reminder exists; a failure must not stop the silo.</summary>
    private static async Task StartReminderAsync(IServiceProvider services, string what, Func<IGrainFactory, Task> start)
    {
        try
        {
            await start(services.GetRequiredService<IGrainFactory>());
        }
        catch (Exception ex)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NonTaxSiloConfiguration))
                .LogWarning(ex, "The {What} reminder could not be registered; another silo's start or the next start will", what);
        }
    }

    /// <summary>Every silo makes sure the one sweep reminder exists; a failure must not stop the silo.</summary>
    private static async Task StartHandOverSweepAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IGrainFactory>().GetGrain<IHandOverSweeperGrain>(IHandOverSweeperGrain.ClusterKey).Start();
        }
        catch (Exception ex)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NonTaxSiloConfiguration))
                .LogWarning(ex, "The hand-over sweep reminder could not be registered; another silo's start or the next start will");
        }
    }
}
