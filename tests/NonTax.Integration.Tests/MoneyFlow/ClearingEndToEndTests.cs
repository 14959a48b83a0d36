using System.Net;
using System.Net.Http.Json;
using NonTax.BankSimulator;
using NonTax.Grains.Abstractions.MoneyFlow;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Integration.Tests.Projection;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;
using Npgsql;

namespace NonTax.Integration.Tests.MoneyFlow;

/// <summary>
/// A clearing bank's day cleared end to end over real TCP: rules approved by a second person on
/// the operator API, payments taken through the socket edge, the day reconciled, the 5614 sent to
/// the simulated bank's server, its 2614 back through the edge; amounts add up to the cent, a
/// re-run sends nothing again, and bad 2614s change nothing.
/// </summary>
public sealed class ClearingEndToEndTests(EdgeSystemFixture system) : IClassFixture<EdgeSystemFixture>
{
    private const string Bank = "D3206820105";
    private const string OtherBank = "D3206820103";
    private const string TuitionItem = "103050101";
    private const string CountyTreasury = "32001647236051110004";
    private const string CityTreasury = "32001647236051110003";
    private const string ProvinceTreasury = "32001647236051110002";

    private Scenarios Scenarios() => new(system.Finance, system.Peers, IPAddress.Loopback, TextWriter.Null);

    private HttpClient Operator(string name) => OperatorHttp.Create(system.OperationsPort, system.OperatorApiToken, name);

    private DateOnly Today => system.Finance.Today();

    private ClearingRule TuitionRule => new(TuitionItem, Today, "1", ClearingRule.CentralRemittance,
    [
        new ClearingShare(BudgetLevels.County, CountyTreasury, "如皋市国库", 0.333333m),
        new ClearingShare(BudgetLevels.City, CityTreasury, "南通市国库", 0.333333m),
        new ClearingShare(BudgetLevels.Province, ProvinceTreasury, "江苏省国库", 0.333334m),
    ], CountyTreasury);

    private async Task<string> PayTuitionAsync(string bank, string amount)
    {
        var payCode = TestPayCodes.New("98");
        var scenarios = Scenarios();
        var issued = await scenarios.IssueAsync(new SimulatorArguments(["issue", "--paycode", payCode, "--amount", amount, "--unit", "0201001",
            "--unitname", "如皋市教育局", "--item", TuitionItem, "--name", "学费"]), CancellationToken.None);
        Assert.Equal("00000", issued.ReplyField("Result"));
        var paid = await scenarios.PayAsync(system.Peer(bank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", paid.ReplyField("Result"));
        return payCode;
    }

    /// <summary>Reconciliation's table as its contract names it; created here when that component is not installed in this build.</summary>
    private async Task MarkReconciledAsync(string bank, DateOnly day, string status)
    {
        await using var connection = new NpgsqlConnection(system.Database.OwnerConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TABLE IF NOT EXISTS nontax.reconciliation_days (
                bank_node text NOT NULL, business_day date NOT NULL, status text NOT NULL,
                opened_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, version integer NOT NULL,
                PRIMARY KEY (bank_node, business_day))
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var appRole = new NpgsqlCommandBuilder().QuoteIdentifier(new NpgsqlConnectionStringBuilder(system.Database.AppConnectionString).Username!);
        await using (var grant = new NpgsqlCommand($"GRANT SELECT ON nontax.reconciliation_days TO {appRole}", connection))
        {
            await grant.ExecuteNonQueryAsync();
        }

        await using var upsert = new NpgsqlCommand("""
            INSERT INTO nontax.reconciliation_days (bank_node, business_day, status, opened_at, updated_at, version)
            VALUES ($1, $2, $3, now(), now(), 1)
            ON CONFLICT (bank_node, business_day) DO UPDATE SET status = EXCLUDED.status, version = nontax.reconciliation_days.version + 1
            """, connection);
        upsert.Parameters.AddWithValue(bank);
        upsert.Parameters.AddWithValue(day);
        upsert.Parameters.AddWithValue(status);
        await upsert.ExecuteNonQueryAsync();
    }

    private async Task ApproveTuitionRuleAsync()
    {
        using var maker = Operator("maker");
        using var checker = Operator("checker");
        var versions = await maker.GetFromJsonAsync<List<System.Text.Json.JsonElement>>($"/ops/clearing/rules/{TuitionItem}");
        if (versions!.Any(v => v.GetProperty("status").GetString() == "approved"))
        {
            return;
        }

        using var proposed = await maker.PostAsJsonAsync($"/ops/clearing/rules/{TuitionItem}", TuitionRule);
        Assert.Equal(HttpStatusCode.OK, proposed.StatusCode);
        var version = (await proposed.Content.ReadFromJsonAsync<ClearingRuleChange>())!.Version;

        // The proposer cannot approve their own change.
        using var selfApproved = await maker.PostAsync($"/ops/clearing/rules/{TuitionItem}/{version}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, selfApproved.StatusCode);

        using var approved = await checker.PostAsync($"/ops/clearing/rules/{TuitionItem}/{version}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RowsAsync(string sql, params object[] parameters) =>
        await ProjectionRows.QueryAsync(system.Database.OwnerConnectionString, sql, parameters);

    [Fact]
    public async Task A_reconciled_day_is_cleared_to_the_cent_over_tcp_and_a_rerun_sends_nothing_again()
    {
        await using var bankServer = Scenarios().StartServer(system.Peer(Bank));
        await ApproveTuitionRuleAsync();
        // 100.00 and 33.34 and 0.01: thirds that do not divide evenly.
        var paid = new[] { await PayTuitionAsync(Bank, "100.00"), await PayTuitionAsync(Bank, "33.34"), await PayTuitionAsync(Bank, "0.01") };
        var day = Today;
        var clearNo = IClearingDayGrain.ClearNoOf(Bank, day);
        var dayGrain = system.Grains.GetGrain<IClearingDayGrain>(IClearingDayGrain.KeyOf(Bank, day));

        // Not reconciled yet: nothing is computed or sent.
        var waiting = await dayGrain.Run();
        Assert.Equal(ClearingDayStatus.Waiting, waiting.Status);
        Assert.DoesNotContain(bankServer.Seen, r => r.MsgNo == "5614");

        await MarkReconciledAsync(Bank, day, "matched");
        using var ops = Operator("checker");
        using var run = await ops.PostAsync($"/ops/clearing/days/{Bank}/{day:yyyyMMdd}/run", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);

        Assert.True(await Eventually.HoldsAsync(async () => (await dayGrain.GetView()).Status == ClearingDayStatus.Cleared), "the 2614 never came back");
        var instruction = bankServer.Seen.Single(r => r.Direction == "in" && r.MsgNo == "5614");
        var sent = ClearingInstruction.Parse(VoucherPaths.ToVoucher(instruction.Request)).Value;
        Assert.Equal(clearNo, sent.ClearNo);

        // Everything the bank took that day for the item is cleared, each share within a cent, the lines add up exactly.
        var revenue = (decimal)(await RowsAsync("SELECT sum(amount) AS s FROM nontax.payment_confirmations WHERE src = $1 AND cfm_date = $2 AND outcome = 'revenue'", Bank, day)).Single()["s"]!;
        Assert.Equal(revenue, sent.AllAmt);
        Assert.Equal(sent.Details.Sum(d => d.Amt), sent.AllAmt);
        var tuition = (decimal)(await RowsAsync("SELECT sum(l.amount) AS s FROM nontax.notice_lines l JOIN nontax.payment_confirmations p ON p.pay_code = l.pay_code "
            + "WHERE p.src = $1 AND p.cfm_date = $2 AND p.outcome = 'revenue' AND l.item_code = $3", Bank, day, TuitionItem)).Single()["s"]!;
        var tuitionRows = sent.Details.Where(d => d.ItemCode == TuitionItem).ToArray();
        Assert.Equal(tuition, tuitionRows.Sum(d => d.Amt));
        Assert.All(tuitionRows, d => Assert.True(Math.Abs(d.Amt - (tuition * TuitionRule.Shares.Single(s => s.AccountNo == d.RecAcct).Ratio)) < 0.01m));

        var days = await RowsAsync("SELECT status, amount, result FROM nontax.clearing_days WHERE clear_no = $1", clearNo);
        Assert.Equal(["cleared", sent.AllAmt, "00000"], [days.Single()["status"], days.Single()["amount"], days.Single()["result"]]);
        var movements = await RowsAsync("SELECT sum(amount) AS s, count(*) AS n FROM nontax.account_movements WHERE related_no = $1 AND kind = 'clearing'", clearNo);
        Assert.Equal(sent.AllAmt, movements.Single()["s"]);

        // Re-running (scheduler tick, operator, reminder) sends nothing again and changes nothing.
        await dayGrain.Run();
        await system.Grains.GetGrain<IClearingSchedulerGrain>(IClearingSchedulerGrain.ClusterKey).Tick();
        await Task.Delay(500);
        Assert.Single(bankServer.Seen, r => r.Direction == "in" && r.MsgNo == "5614");
        Assert.Equal(movements.Single()["n"], (await RowsAsync("SELECT count(*) AS n FROM nontax.account_movements WHERE related_no = $1", clearNo)).Single()["n"]);
        Assert.NotEmpty(paid);
    }

    [Fact]
    public async Task A_2614_that_does_not_match_the_instruction_or_comes_from_another_bank_is_refused_and_changes_nothing()
    {
        var unknown = new ClearingResult("CL20200101D3206820105", new DateOnly(2020, 1, 1), "00000", Today, 1, 1m, [new ClearingResult.Detail(1, "00000", 1m, "T")]);
        var reply = await system.Finance.SendAsync(system.Peer(Bank), MsgNos.ClearingResult, VoucherPaths.ToFields(unknown.ToVoucher()));
        Assert.Equal(ResultCodes.MalformedField, reply.ReplyField("Result"));

        var notOurs = unknown with { ClearNo = "XX20200101D3206820105" };
        Assert.Equal(ResultCodes.MalformedField, (await system.Finance.SendAsync(system.Peer(Bank), MsgNos.ClearingResult, VoucherPaths.ToFields(notOurs.ToVoucher()))).ReplyField("Result"));

        var fromOtherBank = await system.Finance.SendAsync(system.Peer(OtherBank), MsgNos.ClearingResult, VoucherPaths.ToFields(unknown.ToVoucher()));
        Assert.Equal(ResultCodes.NotAllowed, fromOtherBank.ReplyField("Result"));
        Assert.Empty(await RowsAsync("SELECT 1 FROM nontax.clearing_days WHERE clear_no = $1", unknown.ClearNo));
    }
}
