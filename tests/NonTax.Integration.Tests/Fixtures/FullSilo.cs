using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using NonTax.Silo.Hosting;
using Orleans.Configuration;

namespace NonTax.Integration.Tests.Fixtures;

/// <summary>
/// A silo wired exactly as the silo host wires it (<see cref="SiloHostExtensions.AddNonTaxSilo"/>:
/// grains, batched PostgreSQL storage, reminders, bank links, seeding), on free loopback ports,
/// with short reminder and retry timings so tests run in seconds.
/// </summary>
public static class FullSilo
{
    public static Task<WebApplication> StartAsync(PostgresFixture database, string clusterId, string name, IReadOnlyDictionary<string, string?> settings) =>
        StartAsync(database.AppConnectionString, database.OwnerConnectionString, clusterId, name, settings);

    /// <summary>A silo on any database (e.g. one restored from a backup), not only a fixture's.</summary>
    public static async Task<WebApplication> StartAsync(string appConnectionString, string ownerConnectionString, string clusterId, string name, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:NonTax"] = appConnectionString,
            ["ConnectionStrings:NonTaxOwner"] = ownerConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Orleans:SiloName"] = name,
            ["Orleans:AdvertisedIP"] = IPAddress.Loopback.ToString(),
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Operations:Port"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Database:MigrateOnStart"] = "false",
            ["BankLink:FirstRetryDelay"] = "00:00:00.500",
            ["BankLink:MaxRetryDelay"] = "00:00:02",
            ["BankLink:PollInterval"] = "00:00:00.200",
            ["BankLink:AttemptTimeout"] = "00:00:05",
            ["Outbox:RetryPeriod"] = "00:00:01",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNonTaxSilo();
        builder.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        builder.Services.Configure<ClusterMembershipOptions>(o =>
        {
            o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
        });
        var silo = builder.Build();
        silo.MapNonTaxSiloEndpoints();
        await silo.StartAsync();
        return silo;
    }

    public static int FreePort() => TestPorts.Next();

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NonTaxGrains.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root (NonTaxGrains.sln) not found.");
    }

    public static string SandboxBureauFile => Path.Combine(RepositoryRoot(), "deploy", "local", "sandbox-bureau.json");
}
