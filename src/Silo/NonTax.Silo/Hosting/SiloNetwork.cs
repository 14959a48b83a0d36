using System.Net;
using NonTax.Infrastructure.Hosting;

namespace NonTax.Silo.Hosting;

/// <summary>
/// The silo's network settings, from configuration (appsettings or environment): silo-to-silo
/// port, client gateway port, the address advertised in the membership table (default: the
/// host's first address; set <c>Orleans:AdvertisedIP</c> to pin it, e.g. 127.0.0.1 on one
/// machine), whether the silo ports listen on every interface or only on the advertised address
/// (<c>Orleans:ListenOnAnyAddress</c>, off by default: other silos and clients find a silo through
/// the membership table, at the advertised address), and the operations HTTP port (health,
/// dashboard, operator API) with its bind address, loopback unless <c>Operations:BindAddress</c> says otherwise.
/// </summary>
public sealed record SiloNetwork(
    int SiloPort,
    int GatewayPort,
    IPAddress? AdvertisedAddress,
    bool ListenOnAnyAddress,
    int OperationsPort,
    IPAddress OperationsAddress)
{
    public static SiloNetwork From(IConfiguration configuration) => new(
        configuration.GetValue("Orleans:SiloPort", 11111),
        configuration.GetValue("Orleans:GatewayPort", 30000),
        configuration["Orleans:AdvertisedIP"] is { Length: > 0 } ip ? IPAddress.Parse(ip) : null,
        configuration.GetValue("Orleans:ListenOnAnyAddress", false),
        configuration.GetValue("Operations:Port", 8080),
        BindAddress.Read(configuration, "Operations:BindAddress", IPAddress.Loopback));
}
