using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// Which cluster silos join and clients connect to: <c>Orleans:ClusterId</c> (one deployment)
/// and <c>Orleans:ServiceId</c> (stable across deployments; keys stored state and reminders).
/// </summary>
public static class ClusterIdentity
{
    public const string DefaultId = "nontax";

    public static void Apply(ClusterOptions options, IConfiguration configuration)
    {
        options.ClusterId = configuration["Orleans:ClusterId"] is { Length: > 0 } clusterId ? clusterId : DefaultId;
        options.ServiceId = configuration["Orleans:ServiceId"] is { Length: > 0 } serviceId ? serviceId : DefaultId;
    }
}
