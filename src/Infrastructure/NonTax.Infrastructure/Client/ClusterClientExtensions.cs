using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.Hosting;
using Orleans.Configuration;

namespace NonTax.Infrastructure.Client;

public static class ClusterClientExtensions
{
    /// <summary>
    /// Makes this host an Orleans client of the NonTax cluster: gateways found through the
    /// PostgreSQL membership table (same <c>Orleans:ClusterId</c>/<c>ServiceId</c> as the silos),
    /// connection retried until a silo answers, and a <c>cluster</c> health check (tagged live and
    /// ready). Hosted services start concurrently, so the host's HTTP endpoints (health) answer
    /// while the client is still waiting for the cluster.
    /// </summary>
    public static IHostApplicationBuilder UseNonTaxClusterClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configure = null)
    {
        NpgsqlInvariant.EnsureRegistered();
        var connectionString = NonTaxConnectionStrings.App(builder.Configuration);
        var configuration = builder.Configuration;

        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.UseOrleansClient(client =>
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = NpgsqlInvariant.Name;
                o.ConnectionString = connectionString;
            });
            client.Configure<ClusterOptions>(o => ClusterIdentity.Apply(o, configuration));
            client.ConfigureNonTaxTimeouts(configuration);
            client.Services.AddSingleton<IClientConnectionRetryFilter, ClusterConnectionRetryFilter>();
            client.Services.AddSingleton<ClusterConnectionState>();
            client.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<ClusterConnectionState>());
            client.Services.AddSingleton<ILifecycleParticipant<IClusterClientLifecycle>>(sp => sp.GetRequiredService<ClusterConnectionState>());
            configure?.Invoke(client);
        });

        builder.Services.AddHealthChecks()
            .AddCheck<ClusterClientHealthCheck>("cluster", tags: [HealthEndpoints.Live, HealthEndpoints.Ready]);
        return builder;
    }
}
