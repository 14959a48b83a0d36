using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using NonTax.BankSimulator;
using NonTax.Integration.Tests.Fixtures;
using NonTax.SocketEdge.Hosting;

namespace NonTax.Integration.Tests.Edge;

/// <summary>
/// The whole system as a bank meets it: a real silo (production wiring, PostgreSQL storage,
/// reminders, bank links over TCP) and a real socket edge on free loopback ports, the sandbox
/// bureau seeded, and the four sandbox peers registered with fresh random tokens (the second bank's
/// has 18 characters, as a bank's token in service does; the others 32). Tests talk to
/// it with the bank simulator's client and servers.
/// </summary>
public class EdgeSystemFixture : IAsyncLifetime
{
    private readonly PostgresFixture _database = new();
    private WebApplication? _silo;
    private WebApplication? _edge;
    private string? _peersFile;
    private Dictionary<string, string?> _common = [];

    public const string FinanceNode = "F320682";

    public int EdgePort { get; } = FullSilo.FreePort();

    /// <summary>The socket edge's health HTTP port.</summary>
    public int EdgeHealthPort { get; } = FullSilo.FreePort();

    /// <summary>The silo's operations HTTP port (health, dashboard, operator API).</summary>
    public int OperationsPort { get; } = FullSilo.FreePort();

    /// <summary>Bearer token of the operator API (<c>Operations:ApiToken</c>), random per fixture.</summary>
    public string OperatorApiToken { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The silo's services (peer registry, message journal…), for arranging and asserting.</summary>
    public IServiceProvider SiloServices => _silo!.Services;

    /// <summary>The edge's services (its own peer registry and cache, metrics…).</summary>
    public IServiceProvider EdgeServices => _edge!.Services;

    public IReadOnlyList<SimulatorPeer> Peers { get; private set; } = [];

    /// <summary>The key that encrypts peer tokens at rest (<c>Security:TokenKey</c>), shared by every host of the fixture.</summary>
    public string TokenKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public FinanceClient Finance => new("127.0.0.1", EdgePort, FinanceNode);

    public IGrainFactory Grains => _silo!.Services.GetRequiredService<IGrainFactory>();

    public PostgresFixture Database => _database;

    public SimulatorPeer Peer(string nodeCode) => Peers.First(p => p.NodeCode == nodeCode);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        Peers =
        [
            new SimulatorPeer("D3206820105", "中国建设银行如皋支行", RandomToken(), "127.0.0.1", FullSilo.FreePort()),
            new SimulatorPeer("D3206820103", "中国农业银行如皋支行", RandomToken(18), "127.0.0.1", FullSilo.FreePort()),
            new SimulatorPeer("G000001", "统一公共支付平台", RandomToken(), "127.0.0.1", FullSilo.FreePort()),
            new SimulatorPeer("K3206820001", "如皋市单位开票平台", RandomToken(), "127.0.0.1", FullSilo.FreePort()),
        ];
        _peersFile = Path.Combine(Path.GetTempPath(), $"nontax-peers-{Guid.NewGuid():N}.json");
        var definitions = Peers.Select(p => new
        {
            nodeCode = p.NodeCode,
            name = p.Name,
            token = p.Token,
            endpointHost = p.EndpointHost,
            endpointPort = p.EndpointPort,
            actingUnits = p.NodeCode.StartsWith('K') ? new[] { "0104901", "0201001" } : [],
        });
        await File.WriteAllTextAsync(_peersFile, JsonSerializer.Serialize(definitions));

        var clusterId = $"edge-{Guid.NewGuid():N}"[..16];
        var common = new Dictionary<string, string?>
        {
            ["ConnectionStrings:NonTax"] = _database.AppConnectionString,
            ["ConnectionStrings:NonTaxOwner"] = _database.OwnerConnectionString,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = clusterId,
            ["Security:TokenKey"] = TokenKey,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        var siloSettings = new Dictionary<string, string?>(common)
        {
            ["Operations:Port"] = OperationsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Operations:ApiToken"] = OperatorApiToken,
            ["Sandbox:Seed"] = "true",
            // Business refunds go to the sandbox bank that holds the refund reserve.
            ["Refunds:ReserveBank"] = "D3206820105",
            ["Sandbox:BaseDataFile"] = FullSilo.SandboxBureauFile,
            ["Sandbox:PeersFile"] = _peersFile,
        };
        foreach (var (key, value) in ExtraSiloSettings)
        {
            siloSettings[key] = value;
        }

        _silo = await FullSilo.StartAsync(_database, clusterId, "edge-test-silo", siloSettings);

        _common = common;
        _edge = await StartEdgeAsync(EdgePort, EdgeHealthPort, ExtraEdgeSettings);
    }

    /// <summary>
    /// Starts a socket edge on <paramref name="port"/> as the fixture's own is started (the edge's
    /// least-privilege role, the fixture's token key), with <paramref name="settings"/> on top,
    /// e.g. other token keys. The caller stops and disposes it.
    /// </summary>
    public async Task<WebApplication> StartEdgeAsync(int port, int healthPort, IReadOnlyDictionary<string, string?> settings)
    {
        var edgeBuilder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        edgeBuilder.Configuration.AddInMemoryCollection(_common);
        edgeBuilder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The edge's own least-privilege role, as run.sh gives it.
            ["ConnectionStrings:NonTax"] = _database.EdgeConnectionString,
            ["ConnectionStrings:NonTaxOwner"] = null,
            ["Edge:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Edge:HealthPort"] = healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FinanceNode:Code"] = FinanceNode,
            ["Edge:IdleTimeout"] = "00:00:02",
            ["Edge:ReadTimeout"] = "00:00:05",
        });
        edgeBuilder.Configuration.AddInMemoryCollection(settings);
        edgeBuilder.AddNonTaxSocketEdge();
        var edge = edgeBuilder.Build();
        // As the edge's Program does: health on the health port.
        NonTax.Infrastructure.Hosting.HealthEndpoints.MapNonTaxHealth(edge);
        await edge.StartAsync();
        return edge;
    }

    /// <summary>Settings a derived fixture adds to (or overrides in) the silo's configuration.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSiloSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Settings a derived fixture adds to (or overrides in) the edge's configuration, e.g. balancer addresses.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraEdgeSettings { get; } = new Dictionary<string, string?>();

    public async Task DisposeAsync()
    {
        if (_edge is not null)
        {
            await _edge.StopAsync();
            await _edge.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.StopAsync();
            await _silo.DisposeAsync();
        }

        if (_peersFile is not null)
        {
            File.Delete(_peersFile);
        }

        await _database.DisposeAsync();
    }

    private static string RandomToken(int length = 32) => Convert.ToHexString(RandomNumberGenerator.GetBytes(length / 2));
}
