using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Formatting.Compact;

namespace NonTax.Infrastructure.Hosting;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog to the console: structured properties kept, levels from the <c>Serilog</c>
    /// configuration section. <c>Serilog:Json=true</c> writes one JSON object per event for log
    /// shippers; otherwise a readable line with the source component. Connection strings are never
    /// logged by the hosts; tokens, account, phone and ID numbers are masked by
    /// <see cref="SensitiveDataEnricher"/>, the last enricher.
    /// </summary>
    public static IHostApplicationBuilder AddNonTaxLogging(this IHostApplicationBuilder builder, string component)
    {
        var json = builder.Configuration.GetValue("Serilog:Json", false);
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Component", component)
                .Enrich.With<SensitiveDataEnricher>();
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate:
                    "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Component} {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        });
        return builder;
    }
}
