using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using NonTax.Integration.Tests.Fixtures;
using Npgsql;

namespace NonTax.Integration.Tests.Faults;

/// <summary>
/// The system as separate processes on a PostgreSQL instance of its own (deploy/local/postgres.sh,
/// instance <see cref="Instance"/>): silos and socket edge nodes started from the Release builds
/// with the per-process database roles, as run.sh starts them. Each run drops and recreates the
/// database, so runs never see each other's rows. Processes are numbered; a killed or stopped one
/// can be started again on the same ports, and a silo can be added.
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    public const string ClusterId = "faults";
    private readonly Action<string> _log;
    private readonly Dictionary<string, string> _secrets;
    private readonly ConcurrentDictionary<int, (int Silo, int Gateway, int Operations)> _siloPorts = new();
    private readonly ConcurrentDictionary<int, (int Bank, int Health)> _edgePorts = new();

    private FaultCluster(string instance, int port, string state, Dictionary<string, string> secrets, Action<string> log)
    {
        Instance = instance;
        PostgresPort = port;
        StateDirectory = state;
        _secrets = secrets;
        _log = log;
    }

    public string Instance { get; }

    public int PostgresPort { get; }

    public string StateDirectory { get; }

    public string PeersFile => Path.Combine(StateDirectory, "peers.json");

    public string OwnerConnectionString => _secrets["NONTAX_PG_OWNER"];

    public ConcurrentDictionary<int, ServiceProcess> Silos { get; } = new();

    public ConcurrentDictionary<int, ServiceProcess> Edges { get; } = new();

    public IReadOnlyList<int> EdgePorts => [.. _edgePorts.OrderBy(e => e.Key).Select(e => e.Value.Bank)];

    /// <summary>Starts PostgreSQL with an empty database and writes the peers file; no process yet.</summary>
    public static async Task<FaultCluster> CreateAsync(string instance, int port, IReadOnlyDictionary<string, int> peerPorts, Action<string> log)
    {
        var state = Path.Combine(FullSilo.RepositoryRoot(), ".state", instance + "-run");
        Directory.CreateDirectory(state);
        await PostgresAsync("start", instance, port.ToString(CultureInfo.InvariantCulture));
        var secrets = ParseExports(await PostgresAsync("env", instance, port.ToString(CultureInfo.InvariantCulture)));
        var maintenance = new NpgsqlConnectionStringBuilder(secrets["NONTAX_PG_OWNER"]) { Database = "postgres", Pooling = false }.ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(secrets["NONTAX_PG_OWNER"]).Database!;
        await using (var connection = new NpgsqlConnection(maintenance))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\"", connection);
            await drop.ExecuteNonQueryAsync();
        }

        // The second start creates the database (and its schema rights) again.
        await PostgresAsync("start", instance, port.ToString(CultureInfo.InvariantCulture));
        secrets["Security__TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        secrets["Operations__ApiToken"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var cluster = new FaultCluster(instance, port, state, secrets, log);
        await File.WriteAllTextAsync(cluster.PeersFile, PeersJson(peerPorts));
        return cluster;
    }

    public async Task StartSiloAsync(int number)
    {
        if (!_siloPorts.TryGetValue(number, out var ports))
        {
            ports = _siloPorts[number] = (TestPorts.Next(), TestPorts.Next(), TestPorts.Next());
        }

        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__NonTax"] = _secrets["NONTAX_PG_APP"],
            ["ConnectionStrings__NonTaxOwner"] = _secrets["NONTAX_PG_OWNER"],
            ["Security__TokenKey"] = _secrets["Security__TokenKey"],
            ["Operations__ApiToken"] = _secrets["Operations__ApiToken"],
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ClusterId,
            ["Orleans__SiloName"] = $"silo{number}",
            ["Orleans__SiloPort"] = Text(ports.Silo),
            ["Orleans__GatewayPort"] = Text(ports.Gateway),
            ["Operations__Port"] = Text(ports.Operations),
            ["Sandbox__Seed"] = "true",
            ["Sandbox__PeersFile"] = PeersFile,
            ["Sandbox__BaseDataFile"] = FullSilo.SandboxBureauFile,
            ["Refunds__ReserveBank"] = "D3206820105",
            ["EBills__Keys__Directory"] = Path.Combine(StateDirectory, "ebill-keys"),
            ["EBills__Keys__GenerateSandboxKeys"] = "true",
            // Deliveries a peer refused are retried soon, so a run's checker need not wait minutes.
            ["BankLink__FirstRetryDelay"] = "00:00:01",
            ["BankLink__MaxRetryDelay"] = "00:00:05",
        };
        var silo = ServiceProcess.Start($"silo{number}", "Silo", "NonTax.Silo", environment, Path.Combine(StateDirectory, $"silo{number}.log"));
        Silos[number] = silo;
        await silo.WaitHealthyAsync($"http://127.0.0.1:{ports.Operations}/health/live", TimeSpan.FromMinutes(2));
        _log($"silo{number} up (pid {silo.Id}, gateway {ports.Gateway})");
    }

    public async Task StartEdgeAsync(int number)
    {
        if (!_edgePorts.TryGetValue(number, out var ports))
        {
            ports = _edgePorts[number] = (TestPorts.Next(), TestPorts.Next());
        }

        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__NonTax"] = _secrets["NONTAX_PG_EDGE"],
            ["Security__TokenKey"] = _secrets["Security__TokenKey"],
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ClusterId,
            ["Edge__Port"] = Text(ports.Bank),
            ["Edge__BindAddress"] = "127.0.0.1",
            ["Edge__HealthPort"] = Text(ports.Health),
        };
        var edge = ServiceProcess.Start($"edge{number}", "SocketEdge", "NonTax.SocketEdge", environment, Path.Combine(StateDirectory, $"edge{number}.log"));
        Edges[number] = edge;
        await edge.WaitHealthyAsync($"http://127.0.0.1:{ports.Health}/health", TimeSpan.FromMinutes(2));
        _log($"edge{number} up (pid {edge.Id}, port {ports.Bank})");
    }

    /// <summary>Stops PostgreSQL (fast shutdown: every connection is cut) and starts it again.</summary>
    public async Task RestartPostgresAsync(TimeSpan down)
    {
        await PostgresAsync("stop", Instance);
        await Task.Delay(down);
        await PostgresAsync("start", Instance, PostgresPort.ToString(CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        // Edges first, then silos, then the database, as run.sh stops them.
        foreach (var process in Edges.Values.Concat(Silos.Values))
        {
            await process.DisposeAsync();
        }

        await PostgresAsync("stop", Instance);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> PostgresAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(FullSilo.RepositoryRoot(), "deploy", "local", "postgres.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run postgres.sh");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    /// <summary>The <c>export NAME='value'</c> lines of <c>postgres.sh env</c>.</summary>
    private static Dictionary<string, string> ParseExports(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("export ", StringComparison.Ordinal) && line.IndexOf('=', StringComparison.Ordinal) is > 7 and var equals)
            {
                values[line[7..equals]] = line[(equals + 1)..].Trim('\'');
            }
        }

        return values;
    }

    /// <summary>The sandbox's four peers with fresh tokens, each peer's own server on a port of this run.</summary>
    private static string PeersJson(IReadOnlyDictionary<string, int> peerPorts)
    {
        static string Token(int length) => Convert.ToHexString(RandomNumberGenerator.GetBytes(length / 2));
        var peers = new object[]
        {
            new { nodeCode = "D3206820105", name = "中国建设银行如皋支行", token = Token(32), endpointHost = "127.0.0.1", endpointPort = peerPorts["D3206820105"] },
            new { nodeCode = "D3206820103", name = "中国农业银行如皋支行", token = Token(18), endpointHost = "127.0.0.1", endpointPort = peerPorts["D3206820103"] },
            new { nodeCode = "G000001", name = "统一公共支付平台", token = Token(32), endpointHost = "127.0.0.1", endpointPort = peerPorts["G000001"] },
            new { nodeCode = "K3206820001", name = "如皋市单位开票平台", token = Token(32), endpointHost = "127.0.0.1", endpointPort = peerPorts["K3206820001"], actingUnits = new[] { "0104901", "0201001" } },
        };
        return JsonSerializer.Serialize(peers);
    }
}
