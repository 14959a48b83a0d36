using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NonTax.Silo.Health;

/// <summary>Liveness: the silo is an active member of the cluster.</summary>
public sealed class SiloStatusHealthCheck(ISiloStatusOracle statusOracle) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = statusOracle.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {statusOracle.SiloAddress} is {status}")
            : HealthCheckResult.Unhealthy($"silo {statusOracle.SiloAddress} is {status}"));
    }
}
