using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;

namespace NonTax.Grains.Tests.Notices;

[Collection(ClusterCollection.Name)]
public sealed class DirectDebitTests(ClusterFixture fixture)
{
    private const string DebitBank = "D3206820105";
    private const string OtherBank = "D3206820103";

    private IPaymentNoticeGrain Notice(string payCode) => fixture.Grains.GetGrain<IPaymentNoticeGrain>(payCode);

    private async Task<string> IssueAsync()
    {
        var issued = await fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.LandUnit).Issue(Drafts.LandRegistration());
        Assert.True(issued.Succeeded, issued.ResultCode);
        return issued.PayCode!;
    }

    private static DirectDebitRequest Request(string unit = ClusterFixture.LandUnit) =>
        new(unit, DebitBank, "张三", "6217000011112222", "AUTH-2026-001", "unit-clerk");

    private DirectDebitReport Debited(DirectDebit debit, string? traNoBus = null, string result = ResultCodes.Success) =>
        new(debit.DebitNo, DebitBank, result, debit.Amount, ChinaTime.Today(fixture.Clock), "101500", traNoBus ?? Guid.NewGuid().ToString("N")[..20], "320682010501");

    [Fact]
    public async Task A_debit_sends_5604_once_and_its_2607_pays_the_notice_as_that_banks_confirmation()
    {
        var payCode = await IssueAsync();

        var start = await Notice(payCode).StartDirectDebit(Request());
        var again = await Notice(payCode).StartDirectDebit(Request());
        var instruction = await RecordingBankLinkGrain.HandedOverAsync(DebitBank, i => i.BusinessNo == start.Debit!.DebitNo);

        Assert.Equal(ResultCodes.Success, start.ResultCode);
        Assert.Equal($"A{payCode}01", start.Debit!.DebitNo);
        Assert.Equal(start.Debit, again.Debit);
        Assert.Equal("5604", instruction.MsgNo);
        Assert.Equal("80.00", instruction.Fields.Single(f => f.Name == "Amt").Value);
        Assert.Equal("AUTH-2026-001", instruction.Fields.Single(f => f.Name == "AuthNo").Value);

        var report = Debited(start.Debit);
        var outcome = await Notice(payCode).CompleteDirectDebit(report);
        var facts = fixture.Store.FactsAbout(payCode).Count;
        var repeat = await Notice(payCode).CompleteDirectDebit(report);

        Assert.Equal(ResultCodes.Success, outcome.ResultCode);
        Assert.Equal(outcome, repeat);
        Assert.Equal(facts, fixture.Store.FactsAbout(payCode).Count);
        var record = (await Notice(payCode).GetDetails())!;
        Assert.Equal(NoticeStatus.Paid, record.Details.Status);
        Assert.Equal(DebitBank, record.Revenue!.Confirmation.Src);
        Assert.Equal(report.TraNoBus, record.Revenue.Confirmation.TraNoBus);
        Assert.Equal(DirectDebitNumbers.PayMode, record.Revenue.Confirmation.PayMode);
        Assert.Equal(DirectDebitStatus.Debited, record.DirectDebits!.Single().Status);
        Assert.Equal(["notice.issued", "directdebit.requested", "notice.confirmed", "directdebit.finished"],
            fixture.Store.FactsAbout(payCode).Select(f => f.Kind));
        Assert.Equal(ResultCodes.AlreadyPaid, (await Notice(payCode).StartDirectDebit(Request())).ResultCode);
    }

    [Fact]
    public async Task A_2607_after_another_channel_paid_is_a_duplicate_refunded_to_the_debiting_bank()
    {
        var payCode = await IssueAsync();
        var debit = (await Notice(payCode).StartDirectDebit(Request())).Debit!;
        Assert.Equal(ResultCodes.Success,
            (await Notice(payCode).Confirm(Drafts.Payment(payCode, OtherBank, Guid.NewGuid().ToString("N")[..20], 80m, fixture.Clock))).ResultCode);

        var outcome = await Notice(payCode).CompleteDirectDebit(Debited(debit));

        Assert.Equal(ResultCodes.DuplicatePaymentRefunding, outcome.ResultCode);
        Assert.True(outcome.IsDuplicate);
        var refund = await RecordingBankLinkGrain.HandedOverAsync(DebitBank, i => i.BusinessNo == outcome.RefundNo);
        Assert.Equal("5617", refund.MsgNo);
        var record = (await Notice(payCode).GetDetails())!;
        Assert.Equal(OtherBank, record.Revenue!.Confirmation.Src);
        Assert.Equal(DebitBank, Assert.Single(record.Duplicates).Confirmation.Src);
        Assert.Equal(outcome, record.DirectDebits!.Single().Outcome);
    }

    [Fact]
    public async Task A_failed_debit_leaves_the_notice_unpaid_and_a_new_debit_can_start()
    {
        var payCode = await IssueAsync();
        var debit = (await Notice(payCode).StartDirectDebit(Request())).Debit!;

        var outcome = await Notice(payCode).CompleteDirectDebit(Debited(debit, result: "40002"));
        var next = await Notice(payCode).StartDirectDebit(Request());

        Assert.Equal(ResultCodes.Success, outcome.ResultCode);
        Assert.Equal(NoticeStatus.Unpaid, (await Notice(payCode).GetDetails())!.Details.Status);
        Assert.Equal($"A{payCode}02", next.Debit!.DebitNo);
        Assert.Equal(ResultCodes.NotAllowed, (await Notice(payCode).CompleteDirectDebit(Debited(next.Debit) with { Src = OtherBank })).ResultCode);
        Assert.Equal(ResultCodes.MalformedField, (await Notice(payCode).CompleteDirectDebit(Debited(next.Debit) with { DebitNo = $"A{payCode}09" })).ResultCode);
    }

    [Fact]
    public async Task A_debit_is_refused_for_another_units_notice_and_malformed_requests()
    {
        var payCode = await IssueAsync();

        Assert.Equal(ResultCodes.NotAllowed, (await Notice(payCode).StartDirectDebit(Request(ClusterFixture.SchoolUnit))).ResultCode);
        Assert.Equal(ResultCodes.MalformedField, (await Notice(payCode).StartDirectDebit(Request() with { AuthNo = " " })).ResultCode);
        Assert.Equal(ResultCodes.MalformedField, (await Notice(payCode).StartDirectDebit(Request() with { Bank = "G000001" })).ResultCode);
        Assert.Equal(ResultCodes.UnknownPayCode, (await Notice("32068299999999999998").StartDirectDebit(Request())).ResultCode);
        Assert.DoesNotContain(fixture.Store.FactsAbout(payCode), f => f.Kind.StartsWith("directdebit.", StringComparison.Ordinal));
    }
}
