using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NonTax.Frontend.Health;

/// <summary>
/// Cluster, edge and database health on one page for operations: the frontend's own health checks
/// (its database), the cluster's silos as the membership table has them (through the management
/// grain), and each configured health endpoint (<c>Web:HealthProbes:{name}</c> = URL; by default
/// the silo's and the socket edge's on this machine), asked with a short timeout.
/// </summary>
public sealed class SystemHealth(HealthCheckService checks, IClusterClient cluster, IHttpClientFactory http, IConfiguration configuration, ILogger<SystemHealth> logger)
{
    public const string HttpClientName = "health";

    public static readonly IReadOnlyDictionary<string, string> DefaultProbes = new Dictionary<string, string>
    {
        ["silo"] = "http://127.0.0.1:8080/health",
        ["edge"] = "http://127.0.0.1:8081/health",
    };

    public async Task<IReadOnlyList<HealthLine>> CheckAsync(CancellationToken cancellationToken)
    {
        var lines = new List<HealthLine>();
        var report = await checks.CheckHealthAsync(cancellationToken);
        // The frontend's own checks: its database and its connection to the cluster.
        lines.AddRange(report.Entries.Select(e => new HealthLine(e.Key == "cluster" ? "cluster" : "database", e.Key, e.Value.Status == HealthStatus.Healthy, e.Value.Description ?? e.Value.Status.ToString())));

        try
        {
            var hosts = await cluster.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
            lines.AddRange(hosts.Where(h => h.Status != SiloStatus.Dead || h.IAmAliveTime > DateTime.UtcNow.AddHours(-1))
                .OrderBy(h => h.SiloName, StringComparer.Ordinal)
                .Select(h => new HealthLine("cluster", $"{h.SiloName} ({h.SiloAddress})", h.Status == SiloStatus.Active, h.Status.ToString())));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The cluster did not answer the health page");
            lines.Add(new HealthLine("cluster", "membership", false, e.GetType().Name + ": " + e.Message));
        }

        var probes = configuration.GetSection("Web:HealthProbes").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? "");
        foreach (var (name, url) in probes.Count > 0 ? probes : DefaultProbes)
        {
            lines.Add(await ProbeAsync(name, url, cancellationToken));
        }

        return lines;
    }

    private async Task<HealthLine> ProbeAsync(string name, string url, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var response = await http.CreateClient(HttpClientName).GetAsync(url, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new HealthLine("endpoint", $"{name} {url}", response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HealthLine("endpoint", $"{name} {url}", false, e is OperationCanceledException ? "no answer within 3 s" : e.Message);
        }
    }
}
