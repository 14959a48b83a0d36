using System.Net;
using NonTax.BankSimulator.Load;
using NonTax.ConventionalNode;
using Npgsql;

namespace NonTax.BankSimulator.Tests.Load;

/// <summary>
/// A short real-TCP load run against the conventional node on real PostgreSQL: every message type
/// is answered as expected and the ledger check holds. Needs <c>NONTAX_TEST_PG_ADMIN</c>
/// (deploy/local/test.sh sets it). Never asserts on speed.
/// </summary>
public sealed class ConventionalNodeLoadTests : IAsyncLifetime
{
    private static readonly SimulatorPeer[] Peers =
    [
        new("D3206820105", "中国建设银行如皋支行", "token-ccb-0105-0123456789abcdef", null, null),
        new("D3206820103", "中国农业银行如皋支行", "token-abc-0103-0123456789abcdef", null, null),
        new("K3206820001", "如皋市单位开票平台", "token-unit-0001-0123456789abcde", null, null),
    ];

    private readonly string _database = $"nontax_load_{Guid.NewGuid():N}"[..24];
    private string _admin = string.Empty;
    private string _owner = string.Empty;
    private NpgsqlDataSource? _dataSource;
    private ConventionalServer? _server;

    public async Task InitializeAsync()
    {
        _admin = Environment.GetEnvironmentVariable("NONTAX_TEST_PG_ADMIN")
            ?? throw new InvalidOperationException("NONTAX_TEST_PG_ADMIN is not set: run deploy/local/test.sh");
        await using (var admin = new NpgsqlConnection(_admin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        _owner = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_owner);
        await ConventionalSchema.CreateAsync(_dataSource, CancellationToken.None);
        var tokens = new PeerTokens(Peers.ToDictionary(p => p.NodeCode, p => p.Token));
        var handler = new MessageHandler(tokens, new ConventionalLedger(_dataSource, TimeProvider.System), "F320682", TimeProvider.System);
        // Bound at once, so the kernel's pick from the ephemeral range cannot be taken meanwhile.
        _server = new ConventionalServer(handler, IPAddress.Loopback, 0);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_admin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_closed_loop_mix_on_short_connections_is_answered_and_the_ledger_holds()
    {
        var options = new LoadOptions
        {
            Mix = LoadOptions.Profile("mix"),
            Concurrency = 4,
            WarmUp = TimeSpan.FromMilliseconds(200),
            Duration = TimeSpan.FromSeconds(2),
            PreIssue = 20,
        };
        var runner = new LoadRunner(Finance(), Peers, "127.0.0.1", _server!.Port, options);

        var result = await runner.RunAsync(CancellationToken.None);

        Assert.Equal(4, result.Types.Count);
        Assert.All(result.Types, type => Assert.Equal(0, type.Errors));
        Assert.All(result.Types, type => Assert.True(type.Latency().Count > 0, type.Label));
        var verdict = await new LedgerChecker(_owner, "conventional", TimeSpan.FromSeconds(5)).CheckAsync(runner.Acknowledged, CancellationToken.None);
        Assert.True(verdict.Holds, string.Join("; ", verdict.Violations.Concat(verdict.Missing)));
        Assert.True(verdict.RevenueChecked > 0);
        Assert.True(verdict.RefundsChecked > 0);
        Assert.Contains("\"label\":\"load\"", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_loop_on_persistent_connections_confirms_each_code_once_and_stops_when_the_pool_runs_out()
    {
        var codes = Path.GetTempFileName();
        try
        {
            var seed = new LoadRunner(Finance(), Peers, "127.0.0.1", _server!.Port, new LoadOptions
            {
                Mix = LoadOptions.Profile("issue"),
                Concurrency = 2,
                WarmUp = TimeSpan.Zero,
                Duration = TimeSpan.Zero,
                PreIssue = 15,
            });
            await seed.RunAsync(CancellationToken.None);
            // Clients already under way when the 15th notice is issued may add one more each.
            var issued = seed.Pool.Unpaid();
            Assert.InRange(issued.Count, 15, 16);
            await File.WriteAllLinesAsync(codes, issued);
            var options = new LoadOptions
            {
                Mix = LoadOptions.Profile("confirm"),
                Rate = 20,
                WarmUp = TimeSpan.Zero,
                Duration = TimeSpan.FromSeconds(10),
                Persistent = true,
                CodesFile = codes,
            };
            var runner = new LoadRunner(Finance(), Peers, "127.0.0.1", _server.Port, options);

            var result = await runner.RunAsync(CancellationToken.None);

            var confirm = Assert.Single(result.Types);
            Assert.Equal(issued.Count, confirm.Results["00000"]);
            // Counted from when each request was due: a TCP exchange with a database commit takes
            // milliseconds, so no latency here can be below zero (it was, by the loop's start-up time).
            Assert.True(confirm.Latency().P50 > 0, $"p50 {confirm.Latency().P50} ms");
            Assert.True(result.PoolExhausted);
            Assert.True(result.Measured < options.Duration);
            var verdict = await new LedgerChecker(_owner, "conventional", TimeSpan.FromSeconds(5)).CheckAsync(runner.Acknowledged, CancellationToken.None);
            Assert.True(verdict.Holds);
            Assert.Equal(issued.Count, verdict.RevenueChecked);
        }
        finally
        {
            File.Delete(codes);
        }
    }

    private FinanceClient Finance() => new("127.0.0.1", _server!.Port, "F320682");
}
