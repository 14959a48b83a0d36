using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NonTax.Infrastructure.Client;

/// <summary>Healthy when the Orleans client is connected to at least one gateway.</summary>
public sealed class ClusterClientHealthCheck(ClusterConnectionState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsConnected
            ? HealthCheckResult.Healthy("connected to the cluster")
            : HealthCheckResult.Unhealthy("not connected to the cluster"));
}
