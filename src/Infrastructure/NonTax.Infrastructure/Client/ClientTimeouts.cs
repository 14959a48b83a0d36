using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace NonTax.Infrastructure.Client;

/// <summary>
/// The cluster client's side of docs/operations.md "Cluster timeouts": the project's values, then
/// whatever <c>Orleans:Gateway</c> (<see cref="GatewayOptions"/>) and <c>Orleans:Messaging</c>
/// (<see cref="ClientMessagingOptions"/>) configure. The gateway list is re-read every 10 s, so a
/// silo added to the cluster takes client traffic soon and a dead one leaves the list. The
/// general response timeout stays long (reports and reconciliation calls may take a while);
/// the calls a bank waits on and the edge retries (a confirmation, a notice query) carry their
/// own 5 s on the grain interface.
/// </summary>
public static class ClientTimeouts
{
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(30);

    public static IClientBuilder ConfigureNonTaxTimeouts(this IClientBuilder client, IConfiguration configuration)
    {
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
        client.Configure<GatewayOptions>(configuration.GetSection("Orleans:Gateway"));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        client.Configure<ClientMessagingOptions>(configuration.GetSection("Orleans:Messaging"));
        return client;
    }
}
