using Microsoft.Extensions.Configuration;
using NonTax.Grains.Abstractions;
using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.Hosting;
using NonTax.Infrastructure.Projection;
using NonTax.Infrastructure.Storage;
using Orleans.Configuration;

namespace NonTax.Silo.Hosting;

public static class NonTaxSiloConfiguration
{
    /// <summary>
    /// Everything a NonTax silo needs from PostgreSQL: ADO.NET clustering, the stock ADO.NET grain
    /// storage (<see cref="StorageNames.Default"/>), the batched domain storage
    /// (<see cref="StorageNames.Domain"/>), ADO.NET reminders, cluster identity and endpoints.
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
        silo.Services.AddSingleton<IFactProjector, BaseDataPushProjector>();
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = NpgsqlInvariant.Name;
            o.ConnectionString = connectionString;
        });
        return silo;
    }
}
