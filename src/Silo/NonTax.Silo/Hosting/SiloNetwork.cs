using System.Net;

namespace NonTax.Silo.Hosting;

/// <summary>
/// The silo's network settings, from configuration (appsettings or environment): silo-to-silo
/// port, client gateway port, the address advertised in the membership table (default: the
/// host's first address; set <c>Orleans:AdvertisedIP</c> to pin it, e.g. 127.0.0.1 on one
/// machine) and the operations HTTP port (health, dashboard).
/// </summary>
public sealed record SiloNetwork(int SiloPort, int GatewayPort, IPAddress? AdvertisedAddress, int OperationsPort)
{
    public static SiloNetwork From(IConfiguration configuration) => new(
        configuration.GetValue("Orleans:SiloPort", 11111),
        configuration.GetValue("Orleans:GatewayPort", 30000),
        configuration["Orleans:AdvertisedIP"] is { Length: > 0 } ip ? IPAddress.Parse(ip) : null,
        configuration.GetValue("Operations:Port", 8080));
}
