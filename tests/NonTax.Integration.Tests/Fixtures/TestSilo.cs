using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NonTax.Silo.Hosting;
using Orleans.Configuration;

namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// A real silo in this process, wired exactly like the silo host (<see cref="NonTaxSiloConfiguration"/>)
/// against the test database, on free loopback ports, with short reminder and membership timings
/// so tests run in seconds. Silos started with the same cluster id form one cluster.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private TestSilo(IHost host, int siloPort)
    {
        Host = host;
        SiloPort = siloPort;
    }

    public IHost Host { get; }

    public int SiloPort { get; }

    public IGrainFactory Grains => Host.Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => Host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <param name="services">Extra registrations, e.g. fakes for what the full silo host adds (bank links' transport).</param>
    public static async Task<TestSilo> StartAsync(PostgresFixture database, string clusterId, string name, Action<IServiceCollection>? services = null)
    {
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:NonTax"] = database.AppConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Orleans:SiloName"] = name,
            ["Orleans:AdvertisedIP"] = IPAddress.Loopback.ToString(),
            ["Orleans:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.UseOrleans(silo =>
        {
            silo.ConfigureNonTaxSilo(builder.Configuration);
            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);
            });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                o.ProbeTimeout = TimeSpan.FromSeconds(2);
                o.DefunctSiloExpiration = TimeSpan.FromMinutes(1);
            });
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        services?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host, siloPort);
    }

    /// <summary>Leaves the cluster gracefully (grains deactivate, membership row becomes Dead).</summary>
    public Task StopAsync() => Host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        catch (OperationCanceledException)
        {
            // Already stopped.
        }

        Host.Dispose();
    }

    private static int FreePort() => TestPorts.Next();
}
