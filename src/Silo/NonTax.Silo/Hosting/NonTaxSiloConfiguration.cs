using Microsoft.Extensions.DependencyInjection.Extensions;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.Hosting;
using NonTax.Infrastructure.Projection.Queries;
using NonTax.Persistence.Projection;
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
            silo.ConfigureEndpoints(address, network.SiloPort, network.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(network.SiloPort, network.GatewayPort, listenOnAnyHostAddress: true);
        }

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
        silo.AddStartupTask(StartHandOverSweepAsync);
        // Clearing reads reconciliation status, revenue by item and the rules in force from SQL.
        silo.Services.TryAddSingleton<IClearingSource, ClearingQueries>();
        silo.AddStartupTask(StartClearingSchedulerAsync);
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = NpgsqlInvariant.Name;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    /// <summary>Every silo makes sure the clearing scheduler's reminder exists; a failure must not stop the silo.</summary>
    private static async Task StartClearingSchedulerAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IGrainFactory>().GetGrain<IClearingSchedulerGrain>(IClearingSchedulerGrain.ClusterKey).Start();
        }
        catch (Exception ex)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NonTaxSiloConfiguration))
                .LogWarning(ex, "The clearing scheduler reminder could not be registered; another silo's start or the next start will");
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
