using System.Net;
using Microsoft.Extensions.Configuration;

namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// Which local address a listener binds, from configuration. Operations, health and dashboard
/// ports default to loopback, so nothing but the bank port is reachable from the network unless an
/// operator says so (<c>*</c>, <c>0.0.0.0</c> or <c>::</c> for every interface, or one address).
/// </summary>
public static class BindAddress
{
    public static IPAddress Read(IConfiguration configuration, string key, IPAddress fallback)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (value is "*" or "+" || value.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Any;
        }

        if (value.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(value, out var address)
            ? address
            : throw new InvalidOperationException($"{key}: '{value}' is not an IP address (use *, 0.0.0.0, ::, localhost or one address of this host)");
    }
}
