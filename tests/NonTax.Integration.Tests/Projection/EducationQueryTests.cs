using NonTax.BankSimulator;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Integration.Tests.Edge;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Vouchers.Collection;

namespace NonTax.Integration.Tests.Projection;

/// <summary>2698 over real TCP: a payer's unpaid notices, not the paid or void ones, not other payers'.</summary>
[Collection(ProjectionEdgeCollection.Name)]
public sealed class EducationQueryTests(EdgeSystemFixture system)
{
    private const string Bank = "D3206820105";

    private async Task<EducationReply> AskAsync(string sender, string creditCode, string mobile)
    {
        var peer = system.Peer(sender);
        var msgId = system.Finance.NewMsgId();
        var fields = new EducationQuery(creditCode, mobile).ToVoucher().ToFields();
        var frame = system.Finance.BuildFrame(peer, "2698", fields, msgId);
        var raw = await system.Finance.SendRawAsync(frame);
        Assert.NotNull(raw);
        Assert.Equal("5698", raw.MsgNo);
        var envelope = EnvelopeReader.Parse(raw.Body.Span, raw.MsgNo).Envelope;
        Assert.NotNull(envelope);
        Assert.True(EducationReply.Parse(envelope.First.Voucher).TryGetValue(out var reply, out var error), error?.Information);
        return reply;
    }

    [Fact]
    public async Task By_mobile_phone_the_payer_gets_the_unpaid_notices_only()
    {
        var mobile = NoticeIssuing.NewMobile();
        var open1 = await NoticeIssuing.IssueAsync(system, mobile, amount: "80.00");
        var open2 = await NoticeIssuing.IssueAsync(system, mobile, amount: "12.30");
        var paid = await NoticeIssuing.IssueAsync(system, mobile);
        var voided = await NoticeIssuing.IssueAsync(system, mobile);
        await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile());
        var scenarios = new Scenarios(system.Finance, system.Peers, System.Net.IPAddress.Loopback, TextWriter.Null);
        Assert.Equal("00000", (await scenarios.PayAsync(system.Peer(Bank), paid, new SimulatorArguments(["pay"]), CancellationToken.None)).ReplyField("Result"));
        await system.Grains.GetGrain<IPaymentNoticeGrain>(voided).Void("tester", "education test");

        var reply = await AskAsync(Bank, "", mobile);

        Assert.Equal("00000", reply.Result);
        Assert.Equal("320682", reply.AdmDivCode);
        Assert.Equal(new[] { open1, open2 }.Order(), reply.Bills.Select(b => b.PayCode).Order());
        var bill = reply.Bills.Single(b => b.PayCode == open2);
        Assert.Equal(12.30m, bill.Amt);
        Assert.Equal(0, bill.PayStats);
        Assert.Equal("张三", bill.PayerName);
    }

    [Fact]
    public async Task By_credit_code_when_given()
    {
        var creditCode = NoticeIssuing.NewCreditCode();
        var mine = await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile(), creditCode);
        await NoticeIssuing.IssueAsync(system, NoticeIssuing.NewMobile(), NoticeIssuing.NewCreditCode());

        var reply = await AskAsync(Bank, creditCode, "");

        Assert.Equal("00000", reply.Result);
        Assert.Equal(mine, Assert.Single(reply.Bills).PayCode);
    }

    [Fact]
    public async Task A_payer_without_notices_gets_success_and_no_bills()
    {
        var reply = await AskAsync(Bank, "", NoticeIssuing.NewMobile());
        Assert.Equal("00000", reply.Result);
        Assert.Empty(reply.Bills);
    }
}
