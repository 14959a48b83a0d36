using NonTax.BankSimulator;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Integration.Tests.Edge;
using NonTax.Integration.Tests.Fixtures;

namespace NonTax.Integration.Tests.Projection;

/// <summary>
/// The projection as the running system fills it: notices issued, paid, paid twice (refund
/// through the second bank's server), refused and voided over the real edge give exactly the
/// expected rows, in the same commit as the grain; replaying every stored fact changes nothing.
/// </summary>
[Collection(ProjectionEdgeCollection.Name)]
public sealed class ProjectionFlowTests(EdgeSystemFixture system)
{
    private const string FirstBank = "D3206820105";
    private const string SecondBank = "D3206820103";

    private Scenarios Scenarios() => new(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);

    private Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> Rows(string sql, params object[] parameters) =>
        ProjectionRows.QueryAsync(system.Database.OwnerConnectionString, sql, parameters);

    [Fact]
    public async Task Issuing_projects_the_notice_and_its_lines()
    {
        var mobile = NoticeIssuing.NewMobile();
        var creditCode = NoticeIssuing.NewCreditCode();
        var payCode = await NoticeIssuing.IssueAsync(system, mobile, creditCode, amount: "125.50", payer: "如皋某公司");

        var notice = Assert.Single(await Rows("SELECT * FROM nontax.notices WHERE pay_code = $1", payCode));
        Assert.Equal(NoticeIssuing.Unit, notice["unit_code"]);
        Assert.Equal("320682", notice["region_code"]);
        Assert.Equal(system.Finance.Today(), notice["issue_date"]);
        Assert.Equal("如皋某公司", notice["payer_name"]);
        Assert.Equal((short)2, notice["payer_type"]);
        Assert.Equal(mobile, notice["payer_mobile"]);
        Assert.Equal(creditCode, notice["payer_credit_code"]);
        Assert.Equal(125.50m, notice["notice_amount"]);
        Assert.Equal("unpaid", notice["status"]);
        Assert.Equal(NoticeIssuing.UnitPlatform, notice["issuer_node"]);
        Assert.Null(notice["paid_at"]);

        var line = Assert.Single(await Rows("SELECT * FROM nontax.notice_lines WHERE pay_code = $1", payCode));
        Assert.Equal(1, line["line_no"]);
        Assert.Equal(NoticeIssuing.Item, line["item_code"]);
        Assert.Equal("学费", line["item_name"]);
        Assert.Equal("学期", line["unit_of_measure"]);
        Assert.Equal(125.50m, line["amount"]);
        Assert.Equal(1m, line["quantity"]);
    }

    [Fact]
    public async Task Payment_and_duplicate_give_one_revenue_row_one_duplicate_row_and_a_completed_refund()
    {
        var payCode = await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        var scenarios = Scenarios();
        await using var secondBankServer = scenarios.StartServer(system.Peer(SecondBank));

        var first = await scenarios.PayAsync(system.Peer(FirstBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        var second = await scenarios.PayAsync(system.Peer(SecondBank), payCode, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.Equal("00000", first.ReplyField("Result"));
        Assert.Equal("10006", second.ReplyField("Result"));

        var notice = Assert.Single(await Rows("SELECT * FROM nontax.notices WHERE pay_code = $1", payCode));
        Assert.Equal("paid", notice["status"]);
        Assert.Equal(80.00m, notice["paid_amount"]);
        Assert.Equal(FirstBank, notice["paid_src"]);
        Assert.Equal(first.Request.Single(f => f.Name == "TraNoBus").Value, notice["paid_tra_no_bus"]);
        Assert.NotNull(notice["paid_at"]);

        var confirmations = await Rows("SELECT * FROM nontax.payment_confirmations WHERE pay_code = $1 ORDER BY recorded_at", payCode);
        Assert.Equal(2, confirmations.Count);
        Assert.Equal(("revenue", "00000", FirstBank), ((string)confirmations[0]["outcome"]!, (string)confirmations[0]["result_code"]!, (string)confirmations[0]["src"]!));
        Assert.Equal(("duplicate", "10006", SecondBank), ((string)confirmations[1]["outcome"]!, (string)confirmations[1]["result_code"]!, (string)confirmations[1]["src"]!));
        Assert.All(confirmations, c => Assert.Equal(80.00m, c["amount"]));
        Assert.All(confirmations, c => Assert.Equal(system.Finance.Today(), c["cfm_date"]));
        var refundNo = (string)confirmations[1]["refund_no"]!;
        Assert.Null(confirmations[0]["refund_no"]);

        // The bank's 2617 arrives later; the refund row follows the grain to completed.
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await Rows("SELECT status FROM nontax.technical_refunds WHERE refund_no = $1", refundNo)).SingleOrDefault()?["status"] as string == "completed"));
        var refund = Assert.Single(await Rows("SELECT * FROM nontax.technical_refunds WHERE pay_code = $1", payCode));
        Assert.Equal(SecondBank, refund["bank"]);
        Assert.Equal(80.00m, refund["amount"]);
        Assert.Equal("00000", refund["bank_result"]);
        Assert.Equal(second.Request.Single(f => f.Name == "TraNoBus").Value, refund["ori_tra_no_bus"]);

        // The 5617 that carried the refund is in the outbound projection, delivered. The link
        // records the delivery after the bank's reply, and the 2617 may overtake that write.
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await Rows("SELECT status FROM nontax.outbound_messages WHERE business_no = $1", refundNo)).SingleOrDefault()?["status"] as string == "delivered"));
        var instruction = Assert.Single(await Rows("SELECT * FROM nontax.outbound_messages WHERE business_no = $1", refundNo));
        Assert.Equal(SecondBank, instruction["peer"]);
        Assert.Equal("5617", instruction["msg_no"]);
        Assert.Equal("delivered", instruction["status"]);
        Assert.Equal(secondBankServer.Seen.Single(r => r.MsgNo == "5617").MsgId, instruction["msg_id"]);
    }

    [Fact]
    public async Task A_refused_confirmation_is_recorded_with_its_code_and_leaves_the_notice_unpaid()
    {
        var payCode = await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        var reply = await Scenarios().PayAsync(system.Peer(FirstBank), payCode, new SimulatorArguments(["pay", "--amount", "79.00"]), CancellationToken.None);
        Assert.Equal("10005", reply.ReplyField("Result"));

        var refused = Assert.Single(await Rows("SELECT * FROM nontax.payment_confirmations WHERE pay_code = $1", payCode));
        Assert.Equal("refused", refused["outcome"]);
        Assert.Equal("10005", refused["result_code"]);
        Assert.Equal(79.00m, refused["amount"]);
        Assert.Equal(80.00m, refused["amount_due"]);
        Assert.Equal("unpaid", Assert.Single(await Rows("SELECT status FROM nontax.notices WHERE pay_code = $1", payCode))["status"]);
    }

    [Fact]
    public async Task The_units_monitoring_counts_its_notices_from_the_projection()
    {
        var unit = system.Grains.GetGrain<NonTax.Grains.Abstractions.Units.ICollectingUnitGrain>(NoticeIssuing.Unit);
        var before = (await unit.EvaluateMonitoring()).OpenNotices;

        var payCode = await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        var open = await unit.EvaluateMonitoring();
        Assert.Equal("00000", await system.Grains.GetGrain<IPaymentNoticeGrain>(payCode).Void("tester", "monitoring test"));
        var afterVoid = await unit.EvaluateMonitoring();

        Assert.Equal(before + 1, open.OpenNotices);
        Assert.NotNull(open.OldestUnpaidIssueDate);
        Assert.Equal(before, afterVoid.OpenNotices);
    }

    [Fact]
    public async Task Voiding_marks_the_notice_void_once()
    {
        var payCode = await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        var grain = system.Grains.GetGrain<IPaymentNoticeGrain>(payCode);
        Assert.Equal("00000", await grain.Void("tester", "wrong payer"));
        Assert.Equal("00000", await grain.Void("someone else", "again"));

        var notice = Assert.Single(await Rows("SELECT * FROM nontax.notices WHERE pay_code = $1", payCode));
        Assert.Equal("void", notice["status"]);
        Assert.Equal("wrong payer", notice["void_reason"]);
        Assert.Equal("tester", notice["voided_by"]);
        Assert.NotNull(notice["voided_at"]);
    }

    [Fact]
    public async Task Every_stored_fact_has_its_rows()
    {
        await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        var owner = system.Database.OwnerConnectionString;
        // Sandbox seeding recorded the base data; each change is one row.
        Assert.True(await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE kind = 'basedata.changed'") > 0);
        // Each pair is counted in one statement, so one snapshot: other tests' silos on this
        // database keep writing (a push timer, reminders), and two separate counts could straddle a write.
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM nontax.business_facts WHERE kind = 'basedata.changed') - (SELECT count(*) FROM nontax.base_data_changes)"));
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM nontax.business_facts WHERE kind = 'notice.issued') - (SELECT count(*) FROM nontax.notices)"));
        Assert.Equal(0L, await system.Database.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM nontax.business_facts WHERE kind IN ('notice.confirmed', 'notice.duplicate', 'notice.confirmation_refused')) - (SELECT count(*) FROM nontax.payment_confirmations)"));
        Assert.Empty(await ProjectionRows.QueryAsync(owner,
            "SELECT f.fact_id FROM nontax.business_facts f LEFT JOIN nontax.notices n ON n.pay_code = f.subject WHERE f.kind = 'notice.issued' AND n.pay_code IS NULL"));
    }

    [Fact]
    public async Task Replaying_every_stored_fact_in_any_order_changes_nothing()
    {
        // Some history of every notice kind first, so the replay has something to repeat: a
        // refusal, a payment, a duplicate whose 5617 is delivered and whose refund completes.
        var scenarios = Scenarios();
        await using var secondBankServer = scenarios.StartServer(system.Peer(SecondBank));
        var paid = await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        await scenarios.PayAsync(system.Peer(FirstBank), paid, new SimulatorArguments(["pay", "--amount", "1.00"]), CancellationToken.None);
        await scenarios.PayAsync(system.Peer(FirstBank), paid, new SimulatorArguments(["pay"]), CancellationToken.None);
        await scenarios.PayAsync(system.Peer(SecondBank), paid, new SimulatorArguments(["pay"]), CancellationToken.None);
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await Rows("SELECT status FROM nontax.technical_refunds WHERE pay_code = $1", paid)).SingleOrDefault()?["status"] as string == "completed"));
        Assert.True(await Eventually.HoldsAsync(async () =>
            (await Rows("SELECT status FROM nontax.outbound_messages WHERE business_no LIKE $1", $"T{paid}%")).SingleOrDefault()?["status"] as string == "delivered"));
        var voided = await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        await system.Grains.GetGrain<IPaymentNoticeGrain>(voided).Void("tester", "replay test");

        var forward = await ProjectionTables.ReplayAllAsync(system.Database.OwnerConnectionString, facts => facts);
        Assert.NotEmpty(forward.Before);
        Assert.Equal(forward.Before, forward.After);

        // Late facts first: a replayed notice.issued or outbound.queued must not move a row back.
        var backward = await ProjectionTables.ReplayAllAsync(system.Database.OwnerConnectionString, facts => facts.Reverse());
        Assert.Equal(backward.Before, backward.After);
    }
}
