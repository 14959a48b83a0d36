using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Serilog;
using Serilog.Configuration;
using Serilog.Formatting.Compact;

namespace NonTax.Infrastructure.Hosting;

public static class LoggingExtensions
{
    /// <summary>Configuration keys whose values are secrets wherever they appear in a log.</summary>
    private static readonly string[] SecretSettings = ["Security:TokenKey", "Security:PreviousTokenKey", "Operations:ApiToken", "Sms:Password", "Web:InitialAdminPassword"];

    /// <summary>
    /// Serilog to the console: structured properties kept, levels from the <c>Serilog</c>
    /// configuration section. <c>Serilog:Json=true</c> writes one JSON object per event for log
    /// shippers; otherwise a readable line with the source component. Connection strings are never
    /// logged by the hosts; tokens, account, phone and ID numbers are masked by
    /// <see cref="SensitiveDataEnricher"/>, the last enricher, and in exceptions by
    /// <see cref="ExceptionMaskingSink"/>.
    /// </summary>
    public static IHostApplicationBuilder AddNonTaxLogging(this IHostApplicationBuilder builder, string component)
    {
        var json = builder.Configuration.GetValue("Serilog:Json", false);
        builder.Services.AddSerilog((services, logger) =>
            logger.ReadFrom.Configuration(builder.Configuration).UseNonTaxMasking(builder.Configuration, component, writeTo =>
            {
                if (json)
                {
                    writeTo.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    writeTo.Console(outputTemplate:
                        "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Component} {SourceContext}: {Message:lj}{NewLine}{Exception}");
                }
            }));
        return builder;
    }

    /// <summary>
    /// The masking every host's log goes through, around whatever sinks <paramref name="sinks"/>
    /// adds: the component tag, <see cref="SensitiveDataEnricher"/> last, exceptions masked, and
    /// the configured secrets known to <see cref="KnownSecrets"/>.
    /// </summary>
    public static LoggerConfiguration UseNonTaxMasking(this LoggerConfiguration logger, IConfiguration configuration, string component, Action<LoggerSinkConfiguration> sinks)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var key in SecretSettings)
        {
            KnownSecrets.Register(configuration[key]);
        }

        foreach (var connectionString in configuration.GetSection("ConnectionStrings").GetChildren())
        {
            KnownSecrets.Register(PasswordOf(connectionString.Value));
        }

        logger.Enrich.FromLogContext()
            .Enrich.WithProperty("Component", component)
            .Enrich.With<SensitiveDataEnricher>();
        return logger.WriteTo.Sink(LoggerSinkConfiguration.Wrap(sink => new ExceptionMaskingSink(sink), sinks));
    }

    private static string? PasswordOf(string? connectionString)
    {
        try
        {
            return connectionString is { Length: > 0 } ? new NpgsqlConnectionStringBuilder(connectionString).Password : null;
        }
        catch (ArgumentException)
        {
            // Not an Npgsql connection string: nothing to learn from it; the host reports it when used.
            return null;
        }
    }
}
