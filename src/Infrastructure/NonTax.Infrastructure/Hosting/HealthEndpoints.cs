using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NonTax.Infrastructure.Hosting;

/// <summary>
/// Health endpoints shared by every host: <c>/health/live</c> (the process is doing its job:
/// checks tagged <see cref="Live"/>), <c>/health/ready</c> (it can serve: checks tagged
/// <see cref="Ready"/>) and <c>/health</c> (all checks). Each answers 200 or 503 with a JSON body
/// listing the checks.
/// </summary>
public static class HealthEndpoints
{
    public const string Live = "live";
    public const string Ready = "ready";

    public static IEndpointRouteBuilder MapNonTaxHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", Options(_ => true));
        endpoints.MapHealthChecks("/health/live", Options(c => c.Tags.Contains(Live)));
        endpoints.MapHealthChecks("/health/ready", Options(c => c.Tags.Contains(Ready)));
        return endpoints;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteJsonAsync,
    };

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
