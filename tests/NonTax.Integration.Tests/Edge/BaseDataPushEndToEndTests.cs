using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using NonTax.BankSimulator;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Units;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Protocol.Results;
using Npgsql;

namespace NonTax.Integration.Tests.Edge;

/// <summary>
/// Base-data pushes as the banks meet them: the operator's trigger on the silo's operations port
/// sends 5952/5953/5981 to each bank's own server over TCP; the bank's 2952 comes back through the
/// socket edge and is recorded in PostgreSQL, with its per-account errors.
/// </summary>
public sealed class BaseDataPushEndToEndTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>
{
    private const string FirstBank = "D3206820105";
    private const string SecondBank = "D3206820103";
    private const string SupervisedAccount = "32001647236051118888";
    private const string SupervisedUnit = "0201009";

    private Scenarios Scenarios() => new(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);

    /// <summary>POST /ops/base-data/publish; answers the SeqNo per MsgNo.</summary>
    private async Task<Dictionary<string, long>> PublishThroughOperationsPortAsync()
    {
        using var http = OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken);
        using var response = await http.PostAsJsonAsync("/ops/base-data/publish", new { reason = "integration test", @operator = "tester" });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(EdgeSystemFixture.FinanceNode, body.RootElement.GetProperty("financeNode").GetString());
        return body.RootElement.GetProperty("refreshes").EnumerateArray()
            .ToDictionary(r => r.GetProperty("msgNo").GetString()!, r => r.GetProperty("seqNo").GetInt64());
    }

    /// <summary>A unit paid into a supervised account (RecAcctType 4), so 5981 has a row.</summary>
    private async Task AddSupervisedAccountAsync()
    {
        var bureau = system.Grains.GetGrain<IBureauGrain>(EdgeSystemFixture.FinanceNode);
        Assert.Equal(ResultCodes.Success, await bureau.UpsertFiscalAccount(
            new FiscalAccount(SupervisedAccount, "如皋市测试学校监管户", "0105", "中国建设银行如皋支行", 4), "tester"));
        var unit = new CollectingUnitProfile(SupervisedUnit, "如皋市测试学校", "如皋市教育局", "320682", EdgeSystemFixture.FinanceNode, 19, SupervisedAccount);
        Assert.Equal(ResultCodes.Success, await system.Grains.GetGrain<ICollectingUnitGrain>(SupervisedUnit).Define(unit, "tester"));
    }

    private static async Task<ExchangeRecord> ReceivedAsync(PeerServer server, string msgNo, long seqNo)
    {
        var seq = seqNo.ToString(CultureInfo.InvariantCulture);
        ExchangeRecord? Find() => server.Seen.FirstOrDefault(r => r.Direction == "in" && r.MsgNo == msgNo && r.Request.Any(f => f.Name == "SeqNo" && f.Value == seq));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(Find() is not null)), $"{msgNo} #{seqNo} never arrived");
        return Find()!;
    }

    private static IEnumerable<string> Values(ExchangeRecord record, string name) =>
        record.Request.Where(f => f.Name == name).Select(f => f.Value);

    private async Task<(string? Result, bool Stale)?> AckAsync(string peer, long seqNo)
    {
        await using var connection = new NpgsqlConnection(system.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT ack_result, ack_stale FROM nontax.base_data_pushes WHERE msg_no = '5952' AND seq_no = $1 AND peer = $2", connection);
        command.Parameters.AddWithValue(seqNo);
        command.Parameters.AddWithValue(peer);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetBoolean(1)) : null;
    }

    [Fact]
    public async Task Publishing_reaches_every_banks_server_and_the_2952_is_recorded()
    {
        var scenarios = Scenarios();
        await using var first = scenarios.StartServer(system.Peer(FirstBank));
        await using var second = scenarios.StartServer(system.Peer(SecondBank));
        await AddSupervisedAccountAsync();

        var seqNos = await PublishThroughOperationsPortAsync();

        Assert.Equal(["5952", "5953", "5981"], seqNos.Keys.Order());
        foreach (var server in new[] { first, second })
        {
            var accounts = await ReceivedAsync(server, "5952", seqNos["5952"]);
            Assert.Equal("2001", accounts.ReplyMsgNo);
            Assert.Equal(["32001647236051117660", SupervisedAccount], Values(accounts, "Accounts/Account/AcctNo"));
            Assert.Equal(["1", "4"], Values(accounts, "Accounts/Account/AcctType"));
            Assert.Equal(["1", "1"], Values(accounts, "Accounts/Account/Status"));
            Assert.Contains("如皋市财政局", Values(accounts, "Accounts/Account/AcctName"));

            var regions = await ReceivedAsync(server, "5953", seqNos["5953"]);
            Assert.Equal([EdgeSystemFixture.FinanceNode], Values(regions, "FinanceNode"));
            Assert.Equal(["320682"], Values(regions, "Regions/Region/AdmDivCode"));
            Assert.Equal(["如皋市"], Values(regions, "Regions/Region/Name"));

            var supervised = await ReceivedAsync(server, "5981", seqNos["5981"]);
            Assert.Equal([SupervisedAccount], Values(supervised, "Accounts/Account/AcctNo"));
            Assert.Equal([SupervisedUnit], Values(supervised, "Accounts/Account/ChgAgenCode"));
            Assert.Equal(["如皋市测试学校"], Values(supervised, "Accounts/Account/ChgAgenName"));
        }

        // Each simulator answers the 5952 with a 2952 of its own, which the edge records.
        foreach (var bank in new[] { FirstBank, SecondBank })
        {
            Assert.True(await Eventually.HoldsAsync(async () => (await AckAsync(bank, seqNos["5952"]))?.Result == "00000"), $"no 2952 recorded for {bank}");
            Assert.False((await AckAsync(bank, seqNos["5952"]))!.Value.Stale);
        }

        // Only agent and clearing banks hold base data: the platforms get nothing.
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT count(*) FROM nontax.outbound_messages WHERE peer = 'K3206820001' AND msg_no IN ('5952', '5953', '5981')"));
    }

    [Fact]
    public async Task A_2952_with_errors_per_account_is_stored_and_an_older_SeqNo_is_flagged_stale()
    {
        var bank = system.Peer(FirstBank);
        var older = (await PublishThroughOperationsPortAsync())["5952"];
        var newer = (await PublishThroughOperationsPortAsync())["5952"];
        Assert.True(newer > older);
        Assert.True(await Eventually.HoldsAsync(async () => await AckAsync(FirstBank, older) is not null));

        var ack = await system.Finance.SendAsync(bank, "2952",
        [
            ("SeqNo", older.ToString(CultureInfo.InvariantCulture)), ("Result", "00000"),
            ("Errors/Error/AcctNo", "32001647236051117660"), ("Errors/Error/Code", "E01"), ("Errors/Error/Reason", "账户未开立"),
            ("Errors/Error/AcctNo", "32001647236051110000"), ("Errors/Error/Code", "E02"), ("Errors/Error/Reason", "户名不符"),
        ]);

        Assert.Equal("5001", ack.ReplyMsgNo);
        Assert.Equal("00000", ack.ReplyField("Result"));
        Assert.Contains("stale", ack.ReplyField("Information"));
        Assert.True((await AckAsync(FirstBank, older))!.Value.Stale);

        await using var connection = new NpgsqlConnection(system.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT acct_no, code, reason FROM nontax.base_data_push_errors WHERE msg_no = '5952' AND seq_no = $1 AND peer = $2 ORDER BY acct_no", connection);
        command.Parameters.AddWithValue(older);
        command.Parameters.AddWithValue(FirstBank);
        var errors = new List<(string, string, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                errors.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.Equal([("32001647236051110000", "E02", "户名不符"), ("32001647236051117660", "E01", "账户未开立")], errors);
    }

    [Fact]
    public async Task An_ack_for_a_SeqNo_never_sent_to_that_bank_is_refused_20001()
    {
        var ack = await system.Finance.SendAsync(system.Peer(SecondBank), "2952", [("SeqNo", "987654321"), ("Result", "00000")]);

        Assert.Equal("20001", ack.ReplyField("Result"));
        Assert.Contains("SeqNo", ack.ReplyField("Information"));
    }
}
