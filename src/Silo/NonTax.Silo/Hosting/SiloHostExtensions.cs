using Microsoft.Extensions.DependencyInjection.Extensions;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Hosting;
using NonTax.Infrastructure.Database;
using NonTax.Infrastructure.Hosting;
using NonTax.Persistence.Migrations;
using NonTax.Silo.Health;
using NonTax.Silo.Operations;
using NonTax.Silo.Outbound;
using NonTax.Silo.Sandbox;
using Orleans.Dashboard;

namespace NonTax.Silo.Hosting;

public static class SiloHostExtensions
{
    /// <summary>The silo process: Orleans on PostgreSQL, dashboard, health checks, seeding hook.</summary>
    public static WebApplicationBuilder AddNonTaxSilo(this WebApplicationBuilder builder)
    {
        var network = SiloNetwork.From(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k => k.Listen(network.OperationsAddress, network.OperationsPort));

        // Leaving the cluster gracefully (deactivating grains, handing over reminders, marking the
        // silo dead in the membership table) takes longer than the host's default 30 s under load.
        builder.Services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = builder.Configuration.GetValue("Orleans:ShutdownTimeout", TimeSpan.FromMinutes(1)));

        builder.UseOrleans(silo =>
        {
            silo.ConfigureNonTaxSilo(builder.Configuration);
            silo.AddDashboard();
        });

        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.TryAddSingleton<Npgsql.NpgsqlDataSource>(_ => Npgsql.NpgsqlDataSource.Create(NonTaxConnectionStrings.App(builder.Configuration)));
        builder.Services.AddHealthChecks()
            .AddCheck<SiloStatusHealthCheck>("silo", tags: [HealthEndpoints.Live])
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.Ready]);

        builder.Services.AddNonTaxGrains();
        builder.Services.Configure<SandboxOptions>(builder.Configuration.GetSection(SandboxOptions.Section));
        builder.Services.Configure<MonitoringOptions>(builder.Configuration.GetSection("Monitoring"));
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
        builder.Services.Configure<RefundOptions>(builder.Configuration.GetSection("Refunds"));
        builder.Services.Configure<NonTax.Grains.Alerts.AlertDispatchOptions>(builder.Configuration.GetSection("Alerts"));
        builder.Services.Configure<NonTax.Infrastructure.Alerts.SmsGatewayOptions>(builder.Configuration.GetSection("Sms"));
        builder.Services.Configure<BaseDataPublishingOptions>(builder.Configuration.GetSection(BaseDataPublishingOptions.Section));
        builder.Services.Configure<NonTax.Grains.Reconciliation.ReconciliationOptions>(builder.Configuration.GetSection("Reconciliation"));
        builder.Services.Configure<NonTax.Grains.MoneyFlow.ClearingOptions>(builder.Configuration.GetSection("Clearing"));
        builder.Services.Configure<NonTax.Grains.MoneyFlow.RemittanceOptions>(builder.Configuration.GetSection("Remittance"));
        builder.Services.AddNonTaxOutboundLinks(builder.Configuration);
        builder.Services.AddSingleton<ISandboxSeeder, SandboxPeerSeeder>();
        builder.Services.AddHostedService<SandboxSeedingService>();
        builder.Services.AddNonTaxOperatorApi();
        return builder;
    }

    public static WebApplication MapNonTaxSiloEndpoints(this WebApplication app)
    {
        app.MapNonTaxHealth();
        app.MapOrleansDashboard(routePrefix: OperatorApi.DashboardPrefix);
        app.MapGet("/", () => Results.Redirect(OperatorApi.DashboardPrefix));
        app.MapNonTaxOperatorApi();
        return app;
    }

    /// <summary>Applies migrations before Orleans starts, when <c>Database:MigrateOnStart</c> is true.</summary>
    public static async Task MigrateIfConfiguredAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await Commands.MigrateCommand.RunAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
        }
    }
}
